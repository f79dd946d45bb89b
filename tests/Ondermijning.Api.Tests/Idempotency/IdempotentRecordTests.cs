using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Idempotency;

/// <summary>
/// Every POST that answers 201 Created, read from the application's own endpoint data source, takes an
/// <c>Idempotency-Key</c>: the same key and body record once (201, then 200 at the same Location), the same key with
/// another body is a 422 naming the record, and a burst of identical requests racing each other records once.
/// Records are counted in the database itself, table by table, so nothing a request writes goes unseen.
/// </summary>
public class IdempotentRecordTests
{
    private const string Maastricht = "GM0935";

    private static List<(string Method, string Pattern)> CreatingEndpoints(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
                && e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == (int)HttpStatusCode.Created))
            .Select(e => ("POST", "/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Distinct().ToList();

    private static HttpClient EveryRole(ApiFactory factory) =>
        factory.CreateClientFor("alle-rollen", "gemeente", ShippedVocabulary.Roles.Select(r => r.Value), [Maastricht]);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>The number of rows in every table of the model, but the access log, which records reading, not records.</summary>
    private static async Task<Dictionary<string, int>> RowsAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            .Where(t => t != "access_log").Order().ToList();
        var rows = new Dictionary<string, int>();
        foreach (var table in tables)
        {
            // The table names come from the model, not from input.
#pragma warning disable EF1002
            rows[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }
        return rows;
    }

    private static IEnumerable<string> Grown(Dictionary<string, int> before, Dictionary<string, int> after) =>
        after.Where(t => t.Value != before.GetValueOrDefault(t.Key)).Select(t => $"{t.Key} {before.GetValueOrDefault(t.Key)}→{t.Value}");

    /// <summary>Variants of <paramref name="body"/> with one text changed, some of them valid, for "the same key with another request".</summary>
    private static IEnumerable<JsonObject> Changed(object? body)
    {
        var original = JsonSerializer.SerializeToNode(body, ApiClient.Json)!.AsObject();
        foreach (var (name, value) in original)
            if (value is JsonValue v && v.TryGetValue<string>(out var text))
            {
                var changed = original.DeepClone().AsObject();
                // A date a day earlier stays valid where any other text would not be (a date, a code, a choice).
                changed[name] = DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date.AddDays(-1).ToString("yyyy-MM-dd") : text + " 2";
                yield return changed;
            }
    }

    [Fact]
    public async Task Every_creating_post_records_once_per_key_and_refuses_the_key_for_another_request()
    {
        await using var factory = new ApiFactory();
        var world = await RouteAccessTests.BuildAsync(factory);
        var samples = RouteAccessTests.Samples(world);
        var endpoints = CreatingEndpoints(factory);
        endpoints.Should().HaveCountGreaterThanOrEqualTo(11, "signals, ATOM inspections, interventions and their kinds, Bibob screenings, " +
            "closures, penalties, awareness activities, phenomenon studies, findings and information items are created by POST");
        var client = EveryRole(factory);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            samples.Should().ContainKey(endpoint, "every creating endpoint needs a sample request in RouteAccessTests");
            var (url, body) = samples[endpoint];
            var key = $"sleutel-{Guid.NewGuid()}";
            var name = $"{endpoint.Method} {endpoint.Pattern}";

            var before = await RowsAsync(factory);
            var first = await PostAsync(client, url, body, key);
            if (first.StatusCode != HttpStatusCode.Created)
            {
                failures.Add($"{name}: first request {(int)first.StatusCode} {await first.Content.ReadAsStringAsync()}");
                continue;
            }
            var created = await RowsAsync(factory);
            if (!Grown(before, created).Any()) failures.Add($"{name}: the first request wrote nothing");

            var again = await PostAsync(client, url, body, key);
            var afterRetry = await RowsAsync(factory);
            if (again.StatusCode != HttpStatusCode.OK) failures.Add($"{name}: retry {(int)again.StatusCode} {await again.Content.ReadAsStringAsync()}");
            if (again.Headers.Location != first.Headers.Location) failures.Add($"{name}: retry at {again.Headers.Location}, first at {first.Headers.Location}");
            var firstBody = await first.Content.ReadFromJsonAsync<JsonObject>();
            var againBody = again.StatusCode == HttpStatusCode.OK ? await again.Content.ReadFromJsonAsync<JsonObject>() : null;
            if (firstBody?["id"]?.ToString() != againBody?["id"]?.ToString())
                failures.Add($"{name}: retry answered record {againBody?["id"]}, first {firstBody?["id"]}");
            if (Grown(created, afterRetry).ToList() is { Count: > 0 } twice) failures.Add($"{name}: the retry wrote {string.Join(", ", twice)}");

            HttpResponseMessage? refused = null;
            foreach (var changed in Changed(body))
            {
                refused = await PostAsync(client, url, changed, key);
                if (refused.StatusCode != HttpStatusCode.BadRequest) break; // that change made the request invalid; try another
            }
            if (refused?.StatusCode != HttpStatusCode.UnprocessableEntity)
                failures.Add($"{name}: the key with another body gave {(int?)refused?.StatusCode}");
            else
            {
                var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
                // A record with a composite key (a workflow version) is named by its parts.
                var id = firstBody?["id"]?.ToString() ?? firstBody?["code"]?.ToString()
                    ?? (firstBody?["workflow"] is { } workflow ? $"{workflow}/{firstBody["version"]}" : null);
                if (id is null || !problem!.Str("detail").Contains(id)) failures.Add($"{name}: the 422 does not name record {id}: {problem}");
            }
            if (Grown(afterRetry, await RowsAsync(factory)).ToList() is { Count: > 0 } refusedWrote)
                failures.Add($"{name}: the refused request wrote {string.Join(", ", refusedWrote)}");
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_the_key_and_the_repeat_answer_on_every_operation_that_creates()
    {
        await using var factory = new ApiFactory();
        var openApi = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var creating = openApi["paths"]!.AsObject()
            .Where(p => p.Value!["post"]?["responses"]?["201"] is not null)
            .Select(p => (Path: p.Key, Operation: p.Value!["post"]!)).ToList();
        creating.Select(c => c.Path).Should().HaveCount(CreatingEndpoints(factory).Count);
        foreach (var (path, operation) in creating)
        {
            var header = operation["parameters"]?.AsArray().SingleOrDefault(p => p!["name"]?.ToString() == "Idempotency-Key" && p["in"]?.ToString() == "header");
            header.Should().NotBeNull($"POST {path} creates a record and takes an Idempotency-Key");
            header!["schema"]!["maxLength"]!.GetValue<int>().Should().Be(200);
            operation["responses"]!["200"].Should().NotBeNull($"POST {path} answers a repeat with 200");
            operation["responses"]!["422"].Should().NotBeNull($"POST {path} refuses a key reused for another request");
        }
    }

    [Fact]
    public async Task Another_user_or_organisation_sending_the_same_key_gets_a_record_of_their_own()
    {
        await using var factory = new ApiFactory();
        var other = factory.CreateClientFor("politie-1", "politie", ShippedVocabulary.Roles.Select(r => r.Value), [Maastricht]);
        var elsewhere = factory.CreateClientFor("oov-heerlen", "gemeente", ShippedVocabulary.Roles.Select(r => r.Value), ["GM0917"]);
        foreach (var (url, body, theirBody) in new (string, object, object)[]
                 {
                     ("/api/awareness-activities", new { municipality = Maastricht, heldOn = "2024-03-01", kind = "workshop" },
                         new { municipality = Maastricht, heldOn = "2024-03-01", kind = "workshop" }),
                     // Intake too: a municipality that happens to pick the same key neither gets nor is refused another's case.
                     ("/api/signals", ApiClient.Signal(), ApiClient.Signal(municipality: "GM0917")),
                 })
        {
            var mine = await PostAsync(EveryRole(factory), url, body, "gedeelde-sleutel");
            var theirs = await PostAsync(url == "/api/signals" ? elsewhere : other, url, theirBody, "gedeelde-sleutel");

            await mine.ShouldHaveStatus(HttpStatusCode.Created);
            await theirs.ShouldHaveStatus(HttpStatusCode.Created);
            theirs.Headers.Location.Should().NotBe(mine.Headers.Location, "a key is one client's: it never answers with another's record");
        }
    }

    [Fact]
    public async Task A_burst_of_identical_requests_with_one_key_records_once_and_answers_each_with_that_record()
    {
        await using var factory = new ApiFactory();
        var client = EveryRole(factory);
        var before = await RowsAsync(factory);
        var body = new { municipality = Maastricht, imposedOn = "2024-02-01", party = "seller" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => PostAsync(client, "/api/street-dealing-penalties", body, "tegelijk"))));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Should().ContainSingle(s => s == HttpStatusCode.Created, "one request records; {0}",
            string.Join(", ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))));
        statuses.Where(s => s != HttpStatusCode.Created).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        responses.Select(r => r.Headers.Location).Distinct().Should().ContainSingle();
        Grown(before, await RowsAsync(factory)).Should().BeEquivalentTo(["idempotent_records 0→1", "street_dealing_penalties 0→1"]);
    }
}

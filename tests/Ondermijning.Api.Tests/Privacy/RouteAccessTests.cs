using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Access;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// Every route the application serves, read from its own endpoint data source: each declares a permission (or is one
/// of the few routes that carry no case data); a user of another municipality gets 404 on every route that names a
/// case, record or municipality, and nothing is written; every role without the permission is refused. A new endpoint
/// without a declared permission, or without a sample request here, fails this test.
/// </summary>
public class RouteAccessTests
{
    private const string Maastricht = "GM0935";
    private const string Heerlen = "GM0917";

    /// <summary>Routes without case data: sign-in, error pages, health, the contract, static files, the job dashboard.</summary>
    private static readonly string[] Infrastructure =
        ["/inloggen", "/uitloggen", "/fout", "/health", "/openapi", "/api-reference", "/hangfire", "/css", "/favicon", "/{**"];

    private sealed record Route(string Pattern, string Method, Permission? Permission, bool Anonymous);

    private static IReadOnlyList<Route> Routes(ApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), method,
                e.Metadata.GetMetadata<RequiresPermissionAttribute>()?.Permission,
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .Where(r => !Infrastructure.Any(prefix => r.Pattern.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .ToList();

    [Fact]
    public async Task Every_endpoint_and_page_declares_its_permission()
    {
        await using var factory = new ApiFactory();
        var routes = Routes(factory);
        routes.Should().Contain(r => r.Pattern.StartsWith("/api/cases")).And.Contain(r => r.Pattern.StartsWith("/zaken"));
        routes.Where(r => r.Permission is null && !r.Anonymous).Select(r => $"{r.Method} {r.Pattern}")
            .Should().BeEmpty("every endpoint and page says which permission of the engine's table it needs");
        routes.Where(r => r.Anonymous).Select(r => r.Pattern).Should().Equal(["/api/receipts/{code}"],
            "the reporter's receipt lookup is the one anonymous route with data; it is found by a secret code");
    }

    private static object Finding(string note) =>
        new { source = "news", link = "https://www.l1.nl/nieuws/1", date = "2024-06-01", note, subject = "Kapsalon De Schaar" };

    /// <summary>A case walked to the MOT with something in every sub-resource, and the records that hang from it.</summary>
    private sealed record World(string CaseId, string InterventionId, string StudyId);

    private static async Task<World> BuildAsync(ApiFactory factory)
    {
        var oov = factory.CreateClient();
        var id = (await oov.RegisterAsync(ApiClient.Signal(severity: "zeer-hoog", channel: "melding-gemeente"))).Str("id");
        await oov.FireOkAsync(id, "start-verrijking");
        await (await oov.PostAsJsonAsync($"/api/cases/{id}/findings", Finding("ROUTEMARKER nieuws"))).ShouldHaveStatus(HttpStatusCode.Created);
        await oov.FireOkAsync(id, "bevestigd-naar-lwo");
        await oov.FireOkAsync(id, "naar-mot", "ROUTEMARKER reden", new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });
        (await oov.AddItemAsync(id, "closed", "gemeente", "ROUTEMARKER item")).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        var intervention = await oov.PostAsJsonAsync($"/api/cases/{id}/interventions", new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" });
        await intervention.ShouldHaveStatus(HttpStatusCode.Created);
        var study = await oov.PostAsJsonAsync("/api/phenomenon-studies",
            new { municipality = Maastricht, subjectKind = "branch", subject = "kappers", origin = "mot", startedOn = "2024-06-01", caseId = id });
        await study.ShouldHaveStatus(HttpStatusCode.Created);
        return new World(id, (await intervention.Content.ReadFromJsonAsync<JsonObject>())!.Str("id"),
            (await study.Content.ReadFromJsonAsync<JsonObject>())!.Str("id"));
    }

    /// <summary>
    /// A valid request for every route that names a case, a record or a municipality: valid, so that only access can
    /// refuse it. Keyed by method and route pattern; a data route missing here fails the test.
    /// </summary>
    private static Dictionary<(string Method, string Pattern), (string Url, object? Body)> Samples(World w) => new()
    {
        [("GET", "/api/cases/{id}")] = ($"/api/cases/{w.CaseId}", null),
        [("POST", "/api/cases/{id}/transitions")] = ($"/api/cases/{w.CaseId}/transitions", new { trigger = "naar-interventies" }),
        [("POST", "/api/cases/{id}/enrichment")] = ($"/api/cases/{w.CaseId}/enrichment", null),
        [("GET", "/api/cases/{id}/findings")] = ($"/api/cases/{w.CaseId}/findings", null),
        [("POST", "/api/cases/{id}/findings")] = ($"/api/cases/{w.CaseId}/findings", Finding("nieuws")),
        [("GET", "/api/cases/{id}/enrichment/proposal")] = ($"/api/cases/{w.CaseId}/enrichment/proposal", null),
        [("POST", "/api/cases/{id}/enrichment/decision")] = ($"/api/cases/{w.CaseId}/enrichment/decision", new { confirmed = false, reason = "geen" }),
        [("GET", "/api/cases/{id}/enrichment/decisions")] = ($"/api/cases/{w.CaseId}/enrichment/decisions", null),
        [("GET", "/api/cases/{id}/lwo-decisions")] = ($"/api/cases/{w.CaseId}/lwo-decisions", null),
        [("GET", "/api/cases/{id}/related")] = ($"/api/cases/{w.CaseId}/related", null),
        [("POST", "/api/cases/{id}/atom-inspections/")] = ($"/api/cases/{w.CaseId}/atom-inspections",
            new { location = "Pand", organisations = new[] { "Politie" }, outcomes = new[] { "last-onder-dwangsom" } }),
        [("GET", "/api/cases/{id}/atom-inspections/")] = ($"/api/cases/{w.CaseId}/atom-inspections", null),
        [("POST", "/api/cases/{id}/interventions/")] = ($"/api/cases/{w.CaseId}/interventions", new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" }),
        [("GET", "/api/cases/{id}/interventions/")] = ($"/api/cases/{w.CaseId}/interventions", null),
        [("PATCH", "/api/cases/{id}/interventions/{interventionId}")] = ($"/api/cases/{w.CaseId}/interventions/{w.InterventionId}", new { status = "executed" }),
        [("POST", "/api/cases/{id}/items")] = ($"/api/cases/{w.CaseId}/items",
            new { category = "open", sourceOrganisation = "gemeente", legalBasis = "grondslag", content = "inhoud", confidentiality = "openbaar" }),
        [("GET", "/api/cases/{id}/items")] = ($"/api/cases/{w.CaseId}/items", null),
        [("GET", "/api/cases/{id}/export")] = ($"/api/cases/{w.CaseId}/export", null),
        [("POST", "/api/cases/{id}/severity")] = ($"/api/cases/{w.CaseId}/severity", new { severity = "zeer-hoog", reason = "reden" }),
        [("POST", "/api/cases/{id}/feedback")] = ($"/api/cases/{w.CaseId}/feedback", new { text = "Dank voor uw melding." }),
        [("POST", "/api/bibob-screenings")] = ("/api/bibob-screenings",
            new { municipality = Maastricht, date = "2024-01-10", kind = "quick-scan", permitType = "horeca", outcome = "no-objection" }),
        [("POST", "/api/drug-premises-closures")] = ("/api/drug-premises-closures", new { municipality = Maastricht, closedOn = "2024-02-01", premises = "Markt 1" }),
        [("POST", "/api/street-dealing-penalties")] = ("/api/street-dealing-penalties", new { municipality = Maastricht, imposedOn = "2024-02-01", party = "seller" }),
        [("POST", "/api/awareness-activities")] = ("/api/awareness-activities", new { municipality = Maastricht, heldOn = "2024-03-01", kind = "workshop" }),
        [("POST", "/api/phenomenon-studies/")] = ("/api/phenomenon-studies",
            new { municipality = Maastricht, subjectKind = "area", subject = "6211", origin = "proposal", startedOn = "2024-02-01" }),
        [("GET", "/api/phenomenon-studies/")] = ($"/api/phenomenon-studies?municipality={Maastricht}", null),
        [("PATCH", "/api/phenomenon-studies/{id}")] = ($"/api/phenomenon-studies/{w.StudyId}", new { status = "stopped", date = "2024-06-02", result = "klaar" }),
        [("GET", "/api/phenomenon-proposals")] = ($"/api/phenomenon-proposals?municipality={Maastricht}", null),
        [("GET", "/api/statistics/annual")] = ($"/api/statistics/annual?municipality={Maastricht}&year=2024", null),
        [("GET", "/api/statistics/overview")] = ($"/api/statistics/overview?municipality={Maastricht}&year=2024", null),
        [("GET", "/zaken/{id}")] = ($"/zaken/{w.CaseId}", null),
        [("GET", "/api/reports/monthly/{year:int}/{month:int}")] = ("/api/reports/monthly/2024/5", null),
        [("POST", "/api/admin/retention/run")] = ("/api/admin/retention/run", null),
        [("POST", "/api/signals/")] = ("/api/signals", ApiClient.Signal()),
        [("POST", "/api/intervention-subtypes/")] = ("/api/intervention-subtypes", new { code = "nieuw-soort", type = "bestuurlijk", label = "Nieuw" }),
        [("POST", "/api/workflows/{workflow}/migrations")] = ("/api/workflows/ondermijning/migrations",
            new { fromVersion = 1, toVersion = 2, caseId = w.CaseId, stageMapping = new Dictionary<string, string> { ["mot"] = "mot" }, reason = "nieuwe versie" }),
    };

    /// <summary>Route patterns that name a case, a record or a municipality.</summary>
    private static bool NamesData(Route route) =>
        route.Pattern.Contains("{id}") || route.Pattern.Contains("Id}") ||
        route.Pattern is "/api/bibob-screenings" or "/api/drug-premises-closures" or "/api/street-dealing-penalties"
            or "/api/awareness-activities" or "/api/phenomenon-studies/" or "/api/phenomenon-proposals"
            or "/api/statistics/annual" or "/api/statistics/overview";

    private static HttpRequestMessage Request(string method, string url, object? body) =>
        new(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body) };

    /// <summary>Everything that a refused request could have written, as one comparable text.</summary>
    private static async Task<string> StateAsync(HttpClient oov, World w)
    {
        var parts = new List<string>();
        foreach (var url in new[]
                 {
                     $"/api/cases/{w.CaseId}", $"/api/cases/{w.CaseId}/items", $"/api/cases/{w.CaseId}/findings",
                     $"/api/cases/{w.CaseId}/interventions", $"/api/cases/{w.CaseId}/atom-inspections",
                     $"/api/cases/{w.CaseId}/enrichment/decisions", $"/api/phenomenon-studies?municipality={Maastricht}",
                     $"/api/statistics/annual?municipality={Maastricht}&year=2024",
                 })
            parts.Add(await (await oov.GetAsync(url)).Content.ReadAsStringAsync());
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task A_user_of_another_municipality_gets_404_on_every_route_that_names_data_and_nothing_is_written()
    {
        await using var factory = new ApiFactory();
        var world = await BuildAsync(factory);
        var samples = Samples(world);
        var dataRoutes = Routes(factory).Where(r => r.Pattern.StartsWith("/api") && NamesData(r)).ToList();
        dataRoutes.Where(r => !samples.ContainsKey((r.Method, r.Pattern))).Select(r => $"{r.Method} {r.Pattern}")
            .Should().BeEmpty("every route that names data needs a sample request in this test");

        var oov = factory.CreateClient();
        var before = await StateAsync(oov, world);
        // Every role at once: only the municipality can refuse.
        var stranger = factory.CreateClientFor("stranger", "gemeente", Role.All.Select(r => r.Value), [Heerlen]);
        var failures = new List<string>();
        foreach (var route in dataRoutes)
        {
            var (url, body) = samples[(route.Method, route.Pattern)];
            var response = await stranger.SendAsync(Request(route.Method, url, body));
            var raw = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{route.Method} {url}: {(int)response.StatusCode} {raw}");
            // The case's content, or its municipality when the request did not name it, would give the case away.
            var named = url.Contains(Maastricht) || JsonSerializer.Serialize(body).Contains(Maastricht);
            if (raw.Contains("ROUTEMARKER") || (!named && raw.Contains(Maastricht))) failures.Add($"{route.Method} {url} gave away data: {raw}");
        }
        failures.Should().BeEmpty();
        (await StateAsync(oov, world)).Should().Be(before, "a refused request writes nothing");

        // Unknown ids are as unknown to a stranger as to anyone: the same 404.
        var unknown = await stranger.GetAsync($"/api/cases/{Guid.NewGuid()}/findings");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_role_without_the_permission_is_refused_on_every_route_and_nothing_is_written()
    {
        await using var factory = new ApiFactory();
        var world = await BuildAsync(factory);
        var samples = Samples(world);
        var oov = factory.CreateClient();
        var before = await StateAsync(oov, world);

        var failures = new List<string>();
        var checkedCells = 0;
        foreach (var route in Routes(factory).Where(r => r.Pattern.StartsWith("/api") && r.Permission is not null))
        {
            var (url, body) = samples.TryGetValue((route.Method, route.Pattern), out var sample) ? sample : (route.Pattern, (object?)null);
            var rule = Permissions.RuleFor(route.Permission!.Value);
            foreach (var role in Role.All.Where(r => !rule.Roles.Contains(r)))
            {
                if (url.Contains('{') || (body is null && route.Method != "GET" && !samples.ContainsKey((route.Method, route.Pattern))))
                {
                    failures.Add($"{route.Method} {route.Pattern} has no sample request");
                    break;
                }
                checkedCells++;
                var client = factory.CreateClientFor($"without-{role}", "gemeente", [role.Value], [Maastricht]);
                var response = await client.SendAsync(Request(route.Method, url, body));
                var raw = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{role} {route.Method} {url}: {(int)response.StatusCode}");
                if (raw.Contains("ROUTEMARKER")) failures.Add($"{role} {route.Method} {url} gave away data");
            }
        }
        failures.Should().BeEmpty();
        checkedCells.Should().BeGreaterThan(50);
        (await StateAsync(oov, world)).Should().Be(before, "a refused request writes nothing");
    }
}

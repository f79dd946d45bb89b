using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;
using Ondermijning.Engine.Common;
using Xunit.Abstractions;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// Malformed, boundary and hostile requests on every operation of the OpenAPI document, sent through Kestrel as a
/// client sends them: never a 5xx, every refusal an RFC 9457 problem, and a refused request changes nothing in the
/// database. The operations come from the document and start from the valid requests of <see cref="RouteAccessTests"/>,
/// so a new endpoint is fuzzed without anyone adding it here. Runs in both database passes.
/// </summary>
[LongRunning(seconds: 60)]
public class FuzzTests(ITestOutputHelper output)
{
    /// <summary>Per operation; CI's default keeps the pass short, a larger number (environment) searches deeper.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("ONDERMIJNING_FUZZ_ITERATIONS"), out var n) ? n : 60;

    /// <summary>The recurring jobs would change the database between a request and the check that it changed nothing.</summary>
    internal static readonly Dictionary<string, string> NoScheduledJobs = new[]
    {
        "EscalationCron", "MonthlyOverviewCron", "AnnualDraftCron", "EnrichmentCron", "RetentionCron", "AccessLogAnchorCron",
    }.ToDictionary(k => $"Jobs:{k}", _ => "0 0 31 2 *");

    [Fact]
    public async Task Malformed_and_boundary_requests_never_get_a_5xx_always_a_problem_and_change_nothing()
    {
        await using var factory = new ApiFactory { Settings = NoScheduledJobs };
        var address = factory.StartOnLoopback();
        var world = await RouteAccessTests.BuildAsync(factory);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization =
            new("Bearer", TestTokens.For("fuzz", "gemeente", ShippedVocabulary.Roles.Select(r => r.Value), ["GM0935"]));

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = FuzzOperation.FromDocument(document, RouteAccessTests.Samples(world), world);
        operations.Should().Contain(o => o.Method == "POST").And.Contain(o => o.Method == "GET");

        await using var database = new DatabaseState(factory);
        var state = await database.ReadAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            try
            {
                await FuzzRequests.For(operation).SampleAsync(async request =>
                {
                    sent++;
                    using var response = await SendAsync(client, request);
                    var body = response is null ? "" : await response.Content.ReadAsStringAsync();
                    var status = response is null ? (int)HttpStatusCode.RequestUriTooLong : (int)response.StatusCode;
                    if (status >= 500) throw new FuzzFailure($"answered {status}: {Cut(body)}");
                    if (response is not null && status >= 400 && !KestrelAnswered(response, body)) CheckProblem(response, status, body);
                    var after = await database.ReadAsync();
                    if (status >= 400 && after != state) throw new FuzzFailure($"was refused with {status} but changed the database ({Difference(state, after)}): {Cut(body)}");
                    state = after;
                }, iter: Iterations, threads: 1, print: r => r.ToString());
            }
            catch (Exception e)
            {
                failures.Add($"{operation}: {e.Message}{(e.InnerException is { } inner ? $" → {inner.GetType().Name}: {inner.Message}" : "")}");
            }
        }
        output.WriteLine($"{sent} requests on {operations.Count} operations");
        if (failures.Count > 0) Assert.Fail($"{failures.Count} operations failed:\n\n{string.Join("\n\n", failures)}");
    }

    /// <summary>
    /// Null when Kestrel refused a request line over its limit: it answers 414 after reading the first part of the line and
    /// closes the connection, so a client still writing the rest may see the connection reset instead of the answer.
    /// </summary>
    private static async Task<HttpResponseMessage?> SendAsync(HttpClient client, FuzzRequest request)
    {
        try
        {
            return await client.SendAsync(request.ToHttp());
        }
        catch (HttpRequestException) when (request.Url.Length > new KestrelServerLimits().MaxRequestLineSize)
        {
            return null;
        }
    }

    private static void CheckProblem(HttpResponseMessage response, int status, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            throw new FuzzFailure($"answered {status} as '{response.Content.Headers.ContentType}', not a problem: {Cut(body)}");
        var problem = JsonNode.Parse(body)!.AsObject();
        if (problem["status"]?.GetValue<int>() != status || string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()))
            throw new FuzzFailure($"answered {status} with a problem without its status or title: {Cut(body)}");
        if (status is 429 or 503 && response.Headers.RetryAfter is null)
            throw new FuzzFailure($"answered {status} without Retry-After");
    }

    /// <summary>
    /// A request line Kestrel cannot decode (a %00 in the path) or that exceeds its limits never reaches the service:
    /// Kestrel answers it itself, without a body, and closes the connection (README, "Errors").
    /// </summary>
    private static bool KestrelAnswered(HttpResponseMessage response, string body) =>
        (int)response.StatusCode is 400 or 414 or 431 && body.Length == 0 && response.Headers.ConnectionClose == true;

    private static string Difference(string before, string after)
    {
        var old = before.Split('\n').ToHashSet();
        var now = after.Split('\n').ToHashSet();
        return $"gone: {Cut(string.Join(" ¶ ", old.Except(now)))}; new: {Cut(string.Join(" ¶ ", now.Except(old)))}";
    }

    private static string Cut(string text) => text.Length > 400 ? text[..400] + "…" : text;

    private sealed class FuzzFailure(string message) : Exception(message);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Enrichment;

public static class EnrichmentApi
{
    public static async Task<JsonObject> EnrichAsync(this HttpClient client, string caseId)
    {
        var response = await client.PostAsync($"/api/cases/{caseId}/enrichment", null);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonArray> FindingsAsync(this HttpClient client, string caseId)
    {
        var response = await client.GetAsync($"/api/cases/{caseId}/findings");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    public static async Task<JsonObject> ProposalAsync(this HttpClient client, string caseId)
    {
        var response = await client.GetAsync($"/api/cases/{caseId}/enrichment/proposal");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static JsonObject Single(this JsonArray findings, string kind) =>
        findings.Select(f => f!.AsObject()).Should().ContainSingle(f => f.Str("kind") == kind).Subject;

    public static JsonObject FindingOf(this JsonObject run, string kind) => run["findings"]!.AsArray().Single(kind);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>Migrations as a client sees them: requested, then followed at their location until the background job is through.</summary>
internal static class Migrations
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Requests the migration (202 Accepted) and waits until its job is done; the migration as it ended.</summary>
    public static async Task<JsonObject> MigrateAsync(this HttpClient client, object request, string workflow = "ondermijning")
    {
        var location = await client.RequestMigrationAsync(request, workflow);
        return await client.AwaitMigrationAsync(location);
    }

    /// <summary>Requests the migration; its location.</summary>
    public static async Task<string> RequestMigrationAsync(this HttpClient client, object request, string workflow = "ondermijning")
    {
        var response = await client.PostAsJsonAsync($"/api/workflows/{workflow}/migrations", request);
        await response.ShouldHaveStatus(HttpStatusCode.Accepted);
        return response.Headers.Location!.OriginalString;
    }

    public static async Task<JsonObject> AwaitMigrationAsync(this HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var migration = (await client.GetFromJsonAsync<JsonObject>(location))!;
            if (migration.Str("status") == "done") return migration;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The migration at {location} was not done within {Patience.TotalSeconds} s: {migration.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The shipped v3 as version 1 of another workflow, <c>regio</c>: its first stage is called <c>binnengekomen</c> and it
    /// knows no severity "zeer-hoog".
    /// </summary>
    public static async Task PublishRegionalWorkflowAsync(this HttpClient administrator)
    {
        var draft = RouteAccessTests.DraftDefinition(1);
        draft["id"] = "regio";
        draft["title"] = "Regionale keten";
        draft["severityLevels"] = new JsonArray(draft["severityLevels"]!.AsArray().Where(l => l!.Str("id") != "zeer-hoog").Select(l => l!.DeepClone()).ToArray());
        var renamed = JsonNode.Parse(draft.ToJsonString().Replace("\"ontvangen\"", "\"binnengekomen\""))!;
        await (await administrator.PostAsJsonAsync("/api/workflows/regio/versions", renamed)).ShouldHaveStatus(HttpStatusCode.Created);
        await (await administrator.PostAsJsonAsync("/api/workflows/regio/versions/1/publish", new { appliesFrom = "2030-01-01" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>A migration checked before it runs: what it would do to each case, with nothing changed.</summary>
public class MigrationDryRunTests
{
    [Fact]
    public async Task A_dry_run_reports_an_item_that_would_lose_its_gate_and_changes_nothing()
    {
        await using var factory = new ApiFactory();
        var oov = factory.CreateClient();
        var caseId = (await oov.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await oov.MoveToAsync(caseId, "mot");
        var police = factory.CreateClientFor("agent-1", "politie", ["tafeldeelnemer"]);
        var added = await police.AddItemAsync(caseId, "closed", "politie", "BVH-registratie: eerder aangehouden");
        await added.ShouldHaveStatus(HttpStatusCode.Created);
        var item = (await added.Content.ReadFromJsonAsync<JsonObject>())!.Str("id");
        // Version 4 no longer lets the police share closed information at the MOT: the item's gate is gone.
        var draft = RouteAccessTests.DraftDefinition(4);
        draft["gates"] = new JsonArray(draft["gates"]!.AsArray().Where(g => g!.Str("id") != "mot-closed").Select(g => g!.DeepClone()).ToArray());
        var admin = factory.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]);
        await (await admin.PostAsJsonAsync("/api/workflows/ondermijning/versions", draft)).ShouldHaveStatus(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/workflows/ondermijning/versions/4/publish", new { appliesFrom = "2027-07-01" })).ShouldHaveStatus(HttpStatusCode.OK);
        var before = await oov.GetCaseAsync(caseId);

        var response = await oov.PostAsJsonAsync("/api/workflows/ondermijning/migrations?dryRun=true", new
        {
            fromVersion = 1, toVersion = 4, caseId, stageMapping = new Dictionary<string, string> { ["mot"] = "mot" }, reason = "Versie 4",
        });

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var plan = (await response.Content.ReadFromJsonAsync<JsonObject>())!["cases"]!.AsArray().Single()!;
        plan.Str("caseId").Should().Be(caseId);
        plan.Str("targetStage").Should().Be("mot");
        var lost = plan["itemsLosingGate"]!.AsArray().Single()!;
        lost.Str("item").Should().Be(item);
        lost.Str("gate").Should().Be("mot-closed");
        lost.Str("category").Should().Be("closed");
        plan["missingSeverities"]!.AsArray().Should().BeEmpty();
        plan["outcomesNotRecorded"]!.AsArray().Should().BeEmpty("version 4 records the LWO's route and the enrichment verdict as version 1 did");
        var after = await oov.GetCaseAsync(caseId);
        after.Int("definitionVersion").Should().Be(1);
        after.Int("revision").Should().Be(before.Int("revision"));
    }
}

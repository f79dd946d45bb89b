using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>The README's worked example on the CCV protocol; its migration runs as the background job it is, so on the job server.</summary>
[Collection(JobServerCollection.Name)]
public class CcvWorkedExampleTests(ITestOutputHelper output)
{
    /// <summary>The README's worked example, step by step: a version 2 of the shipped protocol written, checked, published and migrated to.</summary>
    [Fact]
    public async Task A_functional_administrator_writes_a_version_2_gets_every_error_at_once_publishes_it_and_migrates_a_case()
    {
        await using var factory = new ApiFactory { Municipalities = [CcvProtocolTests.EijsdenMargraten], JobServer = true };
        var oov = factory.CreateClient();
        var id = (await oov.RegisterAsync(CcvProtocolTests.Signal())).Str("id");
        var admin = factory.CreateClientFor("fb-eijsden", "gemeente", ["beheerder"], [CcvProtocolTests.EijsdenMargraten]);
        static StringContent Body(JsonNode draft) =>
            new(draft.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), Encoding.UTF8, "application/json");

        var draft = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(factory.WorkflowsPath, "ccv", "v1.json")))!.AsObject();
        draft["version"] = 2;
        var steps = draft["transitions"]!.AsArray();
        var approval = steps.Single(t => t!.Str("trigger") == "bronnen-goedgekeurd")!;
        approval["guards"]!["requiredInformation"]!.AsArray().Add(new JsonObject
        {
            ["key"] = "datum-toestemming", ["label"] = "Datum van de toestemming", ["type"] = "date",
            ["help"] = "De datum waarop de privacyfunctionaris de bronnen goedkeurde.",
        });
        var faulty = draft.DeepClone().AsObject();
        faulty["transitions"]![2]!["guards"]!["roles"] = new JsonArray("privacy-officer");
        faulty["transitions"]![7]!["records"]!.AsObject().Remove("hit");
        faulty["transitions"]![4]!["guards"]!["requiredInformation"]![0]!["minimum"] = 1;

        var refused = await admin.PostAsync("/api/workflows/ccv-privacyprotocol/versions", Body(faulty));
        var problem = await refused.ProblemAsync(HttpStatusCode.BadRequest);
        output.WriteLine(problem.ToJsonString());
        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo(
            "$.transitions[2].guards.roles[0]", "$.transitions[7].records.hit", "$.transitions[4].guards.requiredInformation[0].minimum");
        (await admin.GetAsync("/api/workflows/ccv-privacyprotocol/versions/2")).StatusCode.Should().Be(HttpStatusCode.NotFound, "an invalid draft is not stored");

        await (await admin.PostAsync("/api/workflows/ccv-privacyprotocol/versions", Body(draft))).ShouldHaveStatus(HttpStatusCode.Created);
        var check = (await admin.GetFromJsonAsync<JsonObject>("/api/workflows/ccv-privacyprotocol/versions/2"))!;
        output.WriteLine(check["changes"]!.ToJsonString());
        check["changes"]!.ToJsonString().Should().Contain("bronnen-goedgekeurd");
        await (await admin.PostAsJsonAsync("/api/workflows/ccv-privacyprotocol/versions/2/publish", new { appliesFrom = "2024-06-01" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        (await oov.RegisterAsync(CcvProtocolTests.Signal())).Int("definitionVersion").Should().Be(2, "new signals start on the version in force");

        var migration = new
        {
            fromVersion = 1, toVersion = 2, stage = "signaal", stageMapping = new Dictionary<string, string> { ["signaal"] = "signaal" },
            reason = "Versie 2 vraagt de datum van de toestemming",
        };
        var dryRun = await oov.PostAsJsonAsync("/api/workflows/ccv-privacyprotocol/migrations?dryRun=true", migration);
        await dryRun.ShouldHaveStatus(HttpStatusCode.OK);
        var plan = (await dryRun.Content.ReadFromJsonAsync<JsonObject>())!["cases"]!.AsArray().Single()!;
        (plan.Str("caseId"), plan.Str("targetStage")).Should().Be((id, "signaal"));
        (await oov.GetCaseAsync(id)).Int("definitionVersion").Should().Be(1, "a dry run changes nothing");
        (await oov.MigrateAsync(migration, CcvProtocolTests.Workflow)).Int("migrated").Should().Be(1);
        (await oov.GetCaseAsync(id)).Int("definitionVersion").Should().Be(2);
    }
}

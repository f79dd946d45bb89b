using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>A functional administrator writes, checks and publishes a version through the API, with no file and no restart.</summary>
public class PublishingTests
{
    /// <summary>The newest shipped version as the start of a new version, the way an administrator copies the version in force.</summary>
    private static JsonObject FromV2(int version, string? workflow = null)
    {
        var definition = Privacy.RouteAccessTests.DraftDefinition(version);
        if (workflow is not null) definition["id"] = workflow;
        return definition;
    }

    private static HttpClient Administrator(ApiFactory factory) =>
        factory.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]);

    private static StringContent Json(JsonNode definition) =>
        new(definition.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }), Encoding.UTF8, "application/json");

    private static JsonObject Stage(JsonObject definition, string id) =>
        definition["stages"]!.AsArray().Select(s => s!.AsObject()).Single(s => s["id"]!.GetValue<string>() == id);

    [Fact]
    public async Task A_draft_with_ten_different_errors_is_answered_with_all_ten_by_path_and_line_and_nothing_is_stored()
    {
        await using var factory = new ApiFactory();
        var admin = Administrator(factory);
        var draft = FromV2(4);
        draft.Remove("title");                                                       // 1 required
        draft["appliesFrom"] = "morgen";                                             // 2 not a date
        draft["description"] = "Een toelichting";                                    // 3 unknown property
        draft["severityLevels"]![0]!.AsObject().Remove("label");                     // 4 required
        Stage(draft, "ontvangen")["kind"] = "begin";                                 // 5 not a stage kind
        Stage(draft, "verrijking")["table"] = "LWO";                                 // 6 only a table stage sits at a table
        Stage(draft, "lwo")["deadline"] = "twee weken";                              // 7 not a period
        Stage(draft, "atom")["encryption"] = true;                                   // 8 unknown property in a stage
        var transitions = draft["transitions"]!.AsArray();
        transitions[0]!["to"] = "nergens";                                           // 9 unknown stage
        transitions[1]!["guards"] ??= new JsonObject();
        transitions[1]!["guards"]!["roles"] = new JsonArray("privacy-officer");      // 10 unknown role

        var response = await admin.PostAsync("/api/workflows/ondermijning/versions", Json(draft));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        var messages = errors.SelectMany(e => e.Value!.AsArray().Select(m => $"{e.Key}: {m}")).ToList();
        messages.Should().Contain(m => m.StartsWith("$.title:") && m.Contains("required"));
        messages.Should().Contain(m => m.StartsWith("$.appliesFrom:"));
        messages.Should().Contain(m => m.StartsWith("$.description:"));
        messages.Should().Contain(m => m.StartsWith("$.severityLevels[0].label:"));
        messages.Should().Contain(m => m.StartsWith("$.stages[0].kind:") && m.Contains("begin"));
        messages.Should().Contain(m => m.StartsWith("$.stages[1].table:"));
        messages.Should().Contain(m => m.Contains(".deadline:"));
        messages.Should().Contain(m => m.Contains(".encryption:"));
        messages.Should().Contain(m => m.StartsWith("$.transitions[0].to:") && m.Contains("nergens"));
        messages.Should().Contain(m => m.Contains("privacy-officer"));
        messages.Should().OnlyContain(m => m.Contains(": line "), "each problem names its line in the draft as sent");

        (await admin.GetAsync("/api/workflows/ondermijning/versions/4")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_published_draft_is_in_force_for_new_signals_at_once_and_never_changes_again()
    {
        await using var factory = new ApiFactory();
        var admin = Administrator(factory);
        var oov = factory.CreateClient();
        var draft = FromV2(4);
        Stage(draft, "lwo")["label"] = "Lokale weegploeg (LWO)";

        var created = await admin.PostAsync("/api/workflows/ondermijning/versions", Json(draft));
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.Should().Be("/api/workflows/ondermijning/versions/4");
        var asDraft = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        asDraft.Str("state").Should().Be("draft");
        asDraft["changes"]!.AsArray().Select(c => $"{c!.Str("kind")} {c!.Str("part")} {c!.Str("id")}").Should().Equal("changed stage lwo");
        asDraft["gates"]!.AsArray().Should().NotBeEmpty("the version shows the privacy protocol it brings");
        asDraft["retention"]!.Str("afterFinal").Should().NotBeNullOrEmpty();

        // Not in force yet, and not visible to those who do not publish.
        (await oov.GetAsync("/api/workflows/ondermijning/versions/4")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        // On 3 June 2024 version 1 is in force (version 2 applies from 2025).
        (await oov.RegisterAsync()).Int("definitionVersion").Should().Be(1);

        var publish = await admin.PostAsJsonAsync("/api/workflows/ondermijning/versions/4/publish", new { appliesFrom = "2024-06-01" });
        await publish.ShouldHaveStatus(HttpStatusCode.OK);
        var published = (await publish.Content.ReadFromJsonAsync<JsonObject>())!;
        published.Str("state").Should().Be("published");
        published.Str("appliesFrom").Should().Be("2024-06-01");
        published.Str("publishedBy").Should().Be("fb-beheer");

        (await oov.RegisterAsync()).Int("definitionVersion").Should().Be(4);
        var seen = (await oov.GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/4"))!;
        Stage(seen, "lwo").Str("label").Should().Be("Lokale weegploeg (LWO)");

        var edit = await admin.PutAsync("/api/workflows/ondermijning/versions/4", Json(draft));
        (await edit.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["$.version"]!.ToJsonString().Should().Contain("published versions never change");
        var again = await admin.PostAsync("/api/workflows/ondermijning/versions", Json(draft));
        (await again.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["$.version"]!.ToJsonString().Should().Contain("give this draft number 5");
        var republish = await admin.PostAsJsonAsync("/api/workflows/ondermijning/versions/4/publish", new { appliesFrom = "2025-01-01" });
        await republish.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_version_published_on_one_instance_is_in_force_on_another_running_instance_without_a_restart()
    {
        var database = TestDatabase.New();
        await using var first = new ApiFactory(database);
        await using var second = new ApiFactory(database);
        var onSecond = second.CreateClient();
        (await onSecond.RegisterAsync()).Int("definitionVersion").Should().Be(1);

        var admin = Administrator(first);
        await (await admin.PostAsync("/api/workflows/ondermijning/versions", Json(FromV2(4)))).ShouldHaveStatus(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/workflows/ondermijning/versions/4/publish", new { appliesFrom = "2024-06-01" }))
            .ShouldHaveStatus(HttpStatusCode.OK);

        // The second instance reads the database at most once a second; it is never restarted.
        var versions = new List<int>();
        for (var attempt = 0; attempt < 20 && versions.LastOrDefault() != 3; attempt++)
        {
            if (attempt > 0) await Task.Delay(PublishedVersionsSync.Interval / 4);
            versions.Add((await onSecond.RegisterAsync()).Int("definitionVersion"));
        }
        versions.Last().Should().Be(4, "the second instance started new signals on: {0}", string.Join(", ", versions));
        var list = (await onSecond.GetFromJsonAsync<JsonArray>("/api/workflows"))!;
        list.Select(v => v!.Int("version")).Should().Contain(4);
    }

    [Fact]
    public async Task Each_municipality_starts_its_signals_on_its_own_workflow_in_one_deployment()
    {
        var database = TestDatabase.New();
        await using (var publishing = new ApiFactory(database))
        {
            var admin = Administrator(publishing);
            var other = FromV2(1, "ccv-model");
            other["title"] = "Modelprotocol CCV";
            await (await admin.PostAsync("/api/workflows/ccv-model/versions", Json(other))).ShouldHaveStatus(HttpStatusCode.Created);
            await (await admin.PostAsJsonAsync("/api/workflows/ccv-model/versions/1/publish", new { appliesFrom = "2020-01-01" }))
                .ShouldHaveStatus(HttpStatusCode.OK);
        }

        // Configured after publishing: the setting may name a workflow that exists only in the database.
        await using var region = new ApiFactory(database)
        {
            Municipalities = ["GM0935", "GM0917"],
            Settings = new Dictionary<string, string> { ["Workflows:Municipalities:GM0917"] = "ccv-model" },
        };
        var oov = region.CreateClient();
        var heerlen = await oov.RegisterAsync(ApiClient.Signal(municipality: "GM0917"));
        var maastricht = await oov.RegisterAsync(ApiClient.Signal(municipality: "GM0935"));
        heerlen.Str("workflow").Should().Be("ccv-model");
        maastricht.Str("workflow").Should().Be("ondermijning");
        maastricht.Int("definitionVersion").Should().Be(1);
    }

    [Fact]
    public async Task A_municipality_configured_onto_a_workflow_that_does_not_exist_stops_start_up_with_the_setting_named()
    {
        await using var factory = new ApiFactory
        {
            Settings = new Dictionary<string, string> { ["Workflows:Municipalities:GM0917"] = "ccv-modle" },
        };
        factory.Invoking(f => f.CreateClient()).Should().Throw<WorkflowDefinitionException>()
            .Which.Message.Should().Contain("Workflows:Municipalities:GM0917").And.Contain("ccv-modle");
    }
}

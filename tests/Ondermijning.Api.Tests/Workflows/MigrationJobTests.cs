using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;
using static Ondermijning.Api.Tests.Workflows.VersioningTests;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>
/// A migration is recorded by the request (202 Accepted) and carried out by the background job through the real queue,
/// in batches, with its progress at <c>/api/migrations/{id}</c> and the migration in each case's history.
/// </summary>
[Collection(JobServerCollection.Name)]
public class MigrationJobTests
{
    private static string[] Triggers(JsonObject @case) => @case["availableSteps"]!.AsArray().Select(s => s!.Str("trigger")).ToArray();

    private static IEnumerable<JsonNode> MigrationEntries(JsonObject @case) =>
        @case["history"]!.AsArray().Where(h => h!.Str("kind") == "migration").Select(h => h!);

    [Fact]
    public async Task Publishing_v2_leaves_running_v1_cases_on_v1_and_a_migration_moves_them_with_a_complete_mapping()
    {
        var database = TestDatabase.New();
        string atLwo, atEnrichment;
        await using (var beforeV2 = new ApiFactory(database, FolderWithOnlyV1(), March2025))
        {
            var client = beforeV2.CreateClient();
            atLwo = (await client.RegisterAsync()).Str("id");
            await client.FireOkAsync(atLwo, "start-verrijking");
            await client.ConfirmSignalAsync(atLwo);
            atEnrichment = (await client.RegisterAsync()).Str("id");
            await client.FireOkAsync(atEnrichment, "start-verrijking");
        }

        await using var afterV2 = new ApiFactory(database, Shipped, March2025) { JobServer = true };
        var api = afterV2.CreateClient();

        var running = await api.GetCaseAsync(atLwo);
        running.Int("definitionVersion").Should().Be(1);
        Triggers(running).Should().NotContain("vraag-bibob-advies", "v1 has no Bibob-advice step");
        (await api.RegisterAsync()).Int("definitionVersion").Should().Be(2, "new cases start on the newest version that applies");

        var migration = await api.MigrateAsync(new
        {
            fromVersion = 1, toVersion = 2, caseId = atLwo,
            stageMapping = new Dictionary<string, string> { ["lwo"] = "lwo" },
            reason = "Bibob-advies beschikbaar voor lopende zaken",
        });
        migration["cases"]!.AsArray().Select(c => (c!.Str("caseId"), c!.Str("status"))).Should().Equal((atLwo, "migrated"));

        var moved = await api.GetCaseAsync(atLwo);
        moved.Int("definitionVersion").Should().Be(2);
        moved.Str("stage.id").Should().Be("lwo");
        Triggers(moved).Should().Contain("vraag-bibob-advies");
        var entry = moved["history"]!.AsArray().Last()!;
        entry.Str("kind").Should().Be("migration");
        entry.Int("fromDefinitionVersion").Should().Be(1);
        entry.Int("definitionVersion").Should().Be(2);
        entry.Str("reason").Should().Be("Bibob-advies beschikbaar voor lopende zaken");

        (await api.GetCaseAsync(atEnrichment)).Int("definitionVersion").Should().Be(1, "only the named case moved");
    }

    [Fact]
    public async Task A_migration_to_another_workflow_with_a_stage_and_severity_mapping_moves_every_case_through_the_queue_into_its_history()
    {
        await using var factory = new ApiFactory { JobServer = true };
        var oov = factory.CreateClient();
        var admin = factory.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]);
        var veryHigh = new[] { (await oov.RegisterAsync(ApiClient.Signal(severity: "zeer-hoog"))).Str("id"), (await oov.RegisterAsync(ApiClient.Signal(severity: "zeer-hoog"))).Str("id") };
        var low = (await oov.RegisterAsync(ApiClient.Signal(severity: "laag"))).Str("id");
        var further = (await oov.RegisterAsync()).Str("id");
        await oov.FireOkAsync(further, "start-verrijking");
        await admin.PublishRegionalWorkflowAsync();
        var request = new Dictionary<string, object>
        {
            ["fromVersion"] = 1, ["toWorkflow"] = "regio", ["toVersion"] = 1, ["stage"] = "ontvangen",
            ["stageMapping"] = new Dictionary<string, string> { ["ontvangen"] = "binnengekomen" },
            ["reason"] = "Maastricht volgt de regionale keten",
        };

        // Without a severity mapping the dry run names the level the target lacks, and the migration itself is refused.
        var unmappedPlan = await admin.PostAsJsonAsync("/api/workflows/ondermijning/migrations?dryRun=true", request);
        await unmappedPlan.ShouldHaveStatus(HttpStatusCode.OK);
        (await unmappedPlan.Content.ReadFromJsonAsync<JsonObject>())!["cases"]!.AsArray()
            .Where(c => veryHigh.Contains(c!.Str("caseId"))).Select(c => c!["missingSeverities"]!.AsArray().Single()!.GetValue<string>())
            .Should().Equal("zeer-hoog", "zeer-hoog");
        var refused = await (await admin.PostAsJsonAsync("/api/workflows/ondermijning/migrations", request)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        refused["errors"]!["severityMapping.zeer-hoog"]!.AsArray().Should().ContainSingle();

        request["severityMapping"] = new Dictionary<string, string> { ["zeer-hoog"] = "hoog" };
        var planned = await admin.PostAsJsonAsync("/api/workflows/ondermijning/migrations?dryRun=true", request);
        await planned.ShouldHaveStatus(HttpStatusCode.OK);
        var plan = (await planned.Content.ReadFromJsonAsync<JsonObject>())!;
        plan.Str("toWorkflow").Should().Be("regio");
        plan["cases"]!.AsArray().Select(c => (c!.Str("caseId"), c!.Str("targetStage"), c!.Str("targetSeverity"), c!["missingSeverities"]!.AsArray().Count))
            .Should().BeEquivalentTo([(veryHigh[0], "binnengekomen", "hoog", 0), (veryHigh[1], "binnengekomen", "hoog", 0), (low, "binnengekomen", "laag", 0)]);

        var migration = await admin.MigrateAsync(request);

        migration.Str("status").Should().Be("done");
        (migration.Int("total"), migration.Int("done"), migration.Int("migrated")).Should().Be((3, 3, 3));
        migration["failures"]!.AsArray().Should().BeEmpty();
        (migration.Str("fromWorkflow"), migration.Str("toWorkflow")).Should().Be(("ondermijning", "regio"));
        foreach (var id in veryHigh.Append(low))
        {
            var moved = await oov.GetCaseAsync(id);
            (moved.Str("workflow"), moved.Int("definitionVersion"), moved.Str("stage.id")).Should().Be(("regio", 1, "binnengekomen"));
            moved.Str("severity.id").Should().Be(id == low ? "laag" : "hoog");
            var entry = MigrationEntries(moved).Should().ContainSingle().Subject;
            entry.Str("reason").Should().Be("Maastricht volgt de regionale keten");
            entry.Str("actor.id").Should().Be("fb-beheer");
            (entry.Str("fromStage"), entry.Int("fromDefinitionVersion")).Should().Be(("ontvangen", 1));
            entry.Str("information.fromWorkflow").Should().Be("ondermijning");
            if (id != low) (entry.Str("information.fromSeverity"), entry.Str("information.toSeverity")).Should().Be(("zeer-hoog", "hoog"));
        }
        var stayed = await oov.GetCaseAsync(further);
        (stayed.Str("workflow"), stayed.Int("definitionVersion")).Should().Be(("ondermijning", 1), "it was not at the stage that moved");
    }

    [Fact]
    public async Task A_job_run_again_or_beside_another_migration_of_the_same_case_migrates_nothing_twice()
    {
        var database = TestDatabase.New();
        string first, second, stageMigration, caseMigration;
        // Requested on an instance without a job server: the in-memory queue is lost with it, the database keeps the migrations.
        await using (var idle = new ApiFactory(database))
        {
            var oov = idle.CreateClient();
            (first, second) = ((await oov.RegisterAsync()).Str("id"), (await oov.RegisterAsync()).Str("id"));
            stageMigration = await oov.RequestMigrationAsync(new
            {
                fromVersion = 1, toVersion = 2, stage = "ontvangen", stageMapping = new Dictionary<string, string> { ["ontvangen"] = "ontvangen" },
                reason = "Alle nieuwe signalen op v2",
            });
            caseMigration = await oov.RequestMigrationAsync(new
            {
                fromVersion = 1, toVersion = 2, caseId = first, stageMapping = new Dictionary<string, string> { ["ontvangen"] = "ontvangen" },
                reason = "Deze zaak op v2",
            });
            (await oov.GetFromJsonAsync<JsonObject>(stageMigration))!.Str("status").Should().Be("queued");
        }

        // The next instance takes up both at start-up; they run side by side on its two workers and both hold the first case.
        await using var restarted = new ApiFactory(database) { JobServer = true };
        var api = restarted.CreateClient();
        var byStage = await api.AwaitMigrationAsync(stageMigration);
        var byCase = await api.AwaitMigrationAsync(caseMigration);

        byStage.Int("total").Should().Be(2);
        var outcomes = byStage["cases"]!.AsArray().Concat(byCase["cases"]!.AsArray()).Where(c => c!.Str("caseId") == first).Select(c => c!.Str("status"));
        outcomes.Should().BeEquivalentTo(["migrated", "skipped"], "the migration that came second found the case on the target already");
        var revisions = new Dictionary<string, int>();
        foreach (var id in new[] { first, second })
        {
            var @case = await api.GetCaseAsync(id);
            @case.Int("definitionVersion").Should().Be(2);
            MigrationEntries(@case).Should().ContainSingle();
            revisions[id] = @case.Int("revision");
        }

        // Hangfire delivers a job at least once: the same run again, through the queue, changes nothing.
        var jobs = restarted.Services.GetRequiredService<IBackgroundJobClient>();
        var again = jobs.Enqueue<MigrationJobs>(j => j.MigrateAsync(Guid.Parse(byStage.Str("id")), CancellationToken.None));
        await WaitForJobAsync(restarted, again);
        foreach (var id in new[] { first, second })
            (await api.GetCaseAsync(id)).Int("revision").Should().Be(revisions[id]);
        (await api.AwaitMigrationAsync(stageMigration))["cases"]!.ToJsonString().Should().Be(byStage["cases"]!.ToJsonString());
    }

    [Fact]
    public async Task A_case_the_requester_may_not_see_is_not_migrated_nor_is_the_migration_shown_to_another_municipality()
    {
        await using var factory = new ApiFactory { JobServer = true, Municipalities = ["GM0935", "GM0917"] };
        var region = factory.CreateClient();
        var maastricht = (await region.RegisterAsync(ApiClient.Signal(municipality: "GM0935"))).Str("id");
        var heerlen = (await region.RegisterAsync(ApiClient.Signal(municipality: "GM0917"))).Str("id");
        var admin = factory.CreateClientFor("fb-maastricht", "gemeente", ["beheerder"], ["GM0935"]);

        var migration = await admin.MigrateAsync(new
        {
            fromVersion = 1, toVersion = 2, stage = "ontvangen", stageMapping = new Dictionary<string, string> { ["ontvangen"] = "ontvangen" },
            reason = "Maastricht naar v2",
        });

        migration["cases"]!.AsArray().Select(c => c!.Str("caseId")).Should().Equal(maastricht);
        (await region.GetCaseAsync(maastricht)).Int("definitionVersion").Should().Be(2);
        var untouched = await region.GetCaseAsync(heerlen);
        untouched.Int("definitionVersion").Should().Be(1);
        MigrationEntries(untouched).Should().BeEmpty();
        var heerlenAdmin = factory.CreateClientFor("fb-heerlen", "gemeente", ["beheerder"], ["GM0917"]);
        (await heerlenAdmin.GetAsync($"/api/migrations/{migration.Str("id")}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task WaitForJobAsync(ApiFactory factory, string jobId)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (connection.GetStateData(jobId)?.Name is var state && state != SucceededState.StateName)
        {
            if (state == FailedState.StateName || DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} ended {state ?? "nowhere"}.");
            await Task.Delay(50);
        }
    }
}

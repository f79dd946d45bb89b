using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Workflows;

public class VersioningTests
{
    internal static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
    internal static readonly FakeClock March2025 = new(Instant.FromUtc(2025, 3, 3, 9, 0));

    /// <summary>A workflows folder as it was before v2 was published.</summary>
    internal static string FolderWithOnlyV1()
    {
        var folder = Path.Combine(Scratch.NewFolder(), "workflows");
        Directory.CreateDirectory(Path.Combine(folder, "ondermijning"));
        // Everything else ships as it is: the vocabulary, the other workflows (the shipped settings put a municipality on one).
        foreach (var file in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories)
                     .Where(f => Path.GetRelativePath(Shipped, f).Split(Path.DirectorySeparatorChar)[0] != "ondermijning"))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        File.Copy(Path.Combine(Shipped, "ondermijning", "v1.json"), Path.Combine(folder, "ondermijning", "v1.json"));
        // What v1's steps record comes with it: the shipped compatibility file, narrowed to v1 and the steps it has.
        var v1 = JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, "ondermijning", "v1.json")))!["transitions"]!.AsArray()
            .Select(t => (t!["from"]!.GetValue<string>(), t["trigger"]!.GetValue<string>())).ToHashSet();
        var outcomes = JsonNode.Parse(File.ReadAllText(Path.Combine(Shipped, "ondermijning", "outcomes-v1-v2.json")))!.AsObject();
        outcomes["versions"] = new JsonArray(1);
        outcomes["steps"] = new JsonArray(outcomes["steps"]!.AsArray()
            .Where(s => v1.Contains((s!["from"]!.GetValue<string>(), s["trigger"]!.GetValue<string>()))).Select(s => s!.DeepClone()).ToArray());
        File.WriteAllText(Path.Combine(folder, "ondermijning", "outcomes-v1-v2.json"), outcomes.ToJsonString());
        return folder;
    }

    [Fact]
    public async Task A_migration_whose_mapping_misses_a_stage_of_the_selected_cases_is_refused_and_changes_nothing()
    {
        var database = TestDatabase.New();
        string id;
        await using (var beforeV2 = new ApiFactory(database, FolderWithOnlyV1(), March2025))
        {
            var client = beforeV2.CreateClient();
            id = (await client.RegisterAsync()).Str("id");
            await client.FireOkAsync(id, "start-verrijking");
        }
        await using var afterV2 = new ApiFactory(database, Shipped, March2025);
        var api = afterV2.CreateClient();

        var response = await api.PostAsJsonAsync("/api/workflows/ondermijning/migrations", new
        {
            fromVersion = 1, toVersion = 2, caseId = id,
            stageMapping = new Dictionary<string, string> { ["lwo"] = "lwo" },
            reason = "Overgang naar v2",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.Str("title").Should().Be("The stage mapping is incomplete");
        problem.Str("detail").Should().Contain("'verrijking'");
        problem["errors"]!["stageMapping.verrijking"]!.AsArray().Should().ContainSingle();
        var unchanged = await api.GetCaseAsync(id);
        unchanged.Int("definitionVersion").Should().Be(1);
        unchanged["history"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_mapping_that_names_unknown_stages_is_refused()
    {
        await using var factory = new ApiFactory(clock: March2025);
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/workflows/ondermijning/migrations", new
        {
            fromVersion = 1, toVersion = 2, stage = "lwo",
            stageMapping = new Dictionary<string, string> { ["lwoo"] = "lwo", ["lwo"] = "nergens" },
            reason = "Overgang",
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["stageMapping.lwoo"]![0]!.GetValue<string>().Should().Be("'lwoo' is not a stage of ondermijning v1.");
        problem["errors"]!["stageMapping.lwo"]![0]!.GetValue<string>().Should().Be("'nergens' is not a stage of ondermijning v2.");
    }

    [Fact]
    public async Task The_service_refuses_to_start_when_a_version_in_use_was_changed()
    {
        var workflows = FolderWithOnlyV1();
        var database = TestDatabase.New();
        await using (var first = new ApiFactory(database, workflows, March2025))
            await first.CreateClient().RegisterAsync();

        var file = Path.Combine(workflows, "ondermijning", "v1.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Weging in de LWO", "Weging in de LWO (gewijzigd)"));

        await using var second = new ApiFactory(database, workflows, March2025);
        var start = () => second.CreateClient();

        start.Should().Throw<WorkflowDefinitionException>().Which.Message.Should()
            .Contain("workflows/ondermijning/v1.json").And.Contain("changed after 1 case(s) started on ondermijning v1")
            .And.Contain("publish the change as version 2");
    }

    [Fact]
    public async Task A_version_nobody_uses_yet_may_still_be_corrected()
    {
        var workflows = FolderWithOnlyV1();
        var database = TestDatabase.New();
        await using (var first = new ApiFactory(database, workflows, March2025))
            (await first.CreateClient().GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);

        var file = Path.Combine(workflows, "ondermijning", "v1.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("Weging in de LWO", "Weging in de LWO (verbeterd)"));

        await using var second = new ApiFactory(database, workflows, March2025);
        var definition = await second.CreateClient().GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/1");
        definition!["stages"]!.AsArray().Select(s => s!.Str("label")).Should().Contain("Weging in de LWO (verbeterd)");
    }

    /// <summary>
    /// A deployment with cases on v1 and v2 as they were shipped before their step information declared its type: the
    /// upgrade's migration re-records exactly that content, so it starts; a version its municipality edited is still refused.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_upgrade_that_typed_the_shipped_chains_step_information_starts_on_its_cases_and_only_on_them(bool shippedContent)
    {
        var database = TestDatabase.New();
        await using (var before = new ApiFactory(database, Shipped, March2025))
        {
            await before.CreateClient().RegisterAsync();
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
            foreach (var (version, old, _) in ShippedChainUpgrades.TypedStepInformation)
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE "workflow_versions" SET "ContentHash" = {(shippedContent ? old : new string('e', 64))}
                    WHERE "Workflow" = 'ondermijning' AND "Version" = {version}
                    """);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%ShippedChainDeclaresStepInformationTypes'""");
        }

        await using var after = new ApiFactory(database, Shipped, March2025);
        if (!shippedContent)
        {
            after.Invoking(f => f.CreateClient()).Should().Throw<WorkflowDefinitionException>().Which.Message.Should().Contain("a version in use must not change");
            return;
        }
        (await after.CreateClient().GetAsync("/api/cases?pageSize=1")).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var check = after.Services.CreateAsyncScope();
        var hashes = await check.ServiceProvider.GetRequiredService<OndermijningDbContext>().WorkflowVersions
            .Where(v => v.Workflow == new Ondermijning.Engine.Common.WorkflowId("ondermijning")).ToDictionaryAsync(v => v.Version, v => v.ContentHash);
        foreach (var (version, _, @new) in ShippedChainUpgrades.TypedStepInformation) hashes[version].Should().Be(@new);
    }
}

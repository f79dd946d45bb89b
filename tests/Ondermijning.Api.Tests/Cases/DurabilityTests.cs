using Ondermijning.Engine.Workflows;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

public class DurabilityTests
{
    [Fact]
    public async Task A_case_moved_to_the_LWO_survives_SIGKILL_with_its_whole_history()
    {
        var database = TestDatabase.New();
        string id;
        await using (var service = await ServiceProcess.StartAsync(database))
        {
            var client = service.CreateClient();
            id = (await client.RegisterAsync()).Str("id");
            await client.FireOkAsync(id, "start-verrijking");
            await client.ConfirmSignalAsync(id);
            await service.KillAsync();
        }

        await using var restarted = await ServiceProcess.StartAsync(database);
        var @case = await restarted.CreateClient().GetCaseAsync(id);

        @case.Str("stage.id").Should().Be("lwo");
        @case["history"]!.AsArray().Select(h => h!.Str("toStage")).Should().Equal("ontvangen", "verrijking", "lwo");
        @case["companies"]![0]!.Str("name").Should().Be("Kapsalon De Schaar");
    }

    [Fact]
    public async Task The_service_refuses_to_start_on_an_invalid_definition_and_says_why()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ondermijning-tests", Guid.NewGuid().ToString("N"), "workflows", "ondermijning");
        Directory.CreateDirectory(folder);
        var v1 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "ondermijning", "v1.json"));
        File.WriteAllText(Path.Combine(folder, "v1.json"), v1.Replace("\"to\": \"politie\"", "\"to\": \"polite\""));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", DefinitionLoader.VocabularyFile),
            Path.Combine(Path.GetDirectoryName(folder)!, DefinitionLoader.VocabularyFile));

        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(TestDatabase.New(),
            new Dictionary<string, string> { ["Workflows__Path"] = Path.GetDirectoryName(folder)! });

        exitCode.Should().Be(1);
        output.Should().Contain("workflows/ondermijning/v1.json:").And.Contain(".to: unknown stage 'polite'");
        output.Split("The workflow definitions are not valid").Length.Should().Be(2, "the reason is said once");
        output.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }

    [Fact]
    public async Task The_service_refuses_to_start_on_a_vocabulary_that_seats_an_undeclared_organisation_and_says_where()
    {
        var folder = Workflows.VocabularyOnThePagesTests.CopyOfShipped();
        var file = Path.Combine(folder, DefinitionLoader.VocabularyFile);
        var vocabulary = File.ReadAllText(file);
        File.WriteAllText(file, vocabulary.Replace("\"seating\": [\"politie\", \"handhaving-openbare-ruimte\"", "\"seating\": [\"politei\", \"handhaving-openbare-ruimte\""));
        var line = vocabulary.Split('\n').ToList().FindIndex(l => l.Contains("\"id\": \"atom\"", StringComparison.Ordinal)) + 1;

        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(TestDatabase.New(), new Dictionary<string, string> { ["Workflows__Path"] = folder });

        exitCode.Should().Be(1);
        output.Should().Contain($"workflows/vocabulary.json:{line}: $.tables[1].seating[0]: unknown organisation 'politei'; the organisations are: gemeente, riec,");
        output.Should().NotContain("Unhandled exception").And.NotContain("   at ");
    }
}

using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Hosting;

/// <summary>
/// The service as shipped refuses to start on settings or definitions it cannot run with, and says why once, in words,
/// without a stack trace. A refusal comes before any case is read or written, so these run in the SQLite pass only.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class StartUpRefusalTests
{
    [Fact]
    public async Task Production_without_an_identity_provider_refuses_to_start_with_one_message_naming_the_settings()
    {
        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(TestDatabase.New(), environment: "Production");

        exitCode.Should().NotBe(0);
        ShouldBeOneRefusal(output, "No identity provider is configured");
        output.Should().Contain("Identity:Jwt:Authority").And.Contain("Identity:Jwt:Audience");
    }

    [Fact]
    public async Task Production_refuses_to_start_when_demo_users_are_switched_on_even_with_an_identity_provider()
    {
        foreach (var provider in new[] { new Dictionary<string, string>(), Identity.SignInTests.Provider })
        {
            var settings = new Dictionary<string, string>(provider) { ["Identity__Development__Enabled"] = "true" };

            var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(TestDatabase.New(), settings, environment: "Production");

            exitCode.Should().NotBe(0);
            ShouldBeOneRefusal(output, "Demo users cannot be used in Production");
            output.Should().Contain("Remove the setting Identity:Development:Enabled");
        }
    }

    [Fact]
    public async Task The_service_refuses_to_start_on_an_invalid_definition_and_says_why()
    {
        var folder = Path.Combine(Scratch.NewFolder(), "workflows", "ondermijning");
        Directory.CreateDirectory(folder);
        var v1 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "ondermijning", "v1.json"));
        File.WriteAllText(Path.Combine(folder, "v1.json"), v1.Replace("\"to\": \"politie\"", "\"to\": \"polite\""));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", DefinitionLoader.VocabularyFile),
            Path.Combine(Path.GetDirectoryName(folder)!, DefinitionLoader.VocabularyFile));

        var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(TestDatabase.New(),
            new Dictionary<string, string> { ["Workflows__Path"] = Path.GetDirectoryName(folder)! });

        exitCode.Should().Be(1);
        output.Should().Contain("workflows/ondermijning/v1.json:").And.Contain(".to: unknown stage 'polite'");
        ShouldBeOneRefusal(output, "The workflow definitions are not valid");
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
        ShouldBeOneRefusal(output, $"workflows/vocabulary.json:{line}: $.tables[1].seating[0]: unknown organisation 'politei'; the organisations are: gemeente, riec,");
    }

    /// <summary>The operator reads the reason once, and no stack trace around it.</summary>
    private static void ShouldBeOneRefusal(string output, string message)
    {
        output.Split(message).Length.Should().Be(2, $"the refusal is said exactly once:\n{output}");
        output.Should().NotContain("Unhandled exception").And.NotContainAny(["   at ", "Exception:"]);
    }
}

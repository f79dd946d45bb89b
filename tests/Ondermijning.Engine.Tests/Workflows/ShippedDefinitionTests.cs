using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Workflows;

public class ShippedDefinitionTests
{
    public static string ShippedFolder => Path.Combine(RepositoryRoot(), "workflows");

    /// <summary>The versions of Maastricht's chain, without the other workflows shipped next to it.</summary>
    public static IReadOnlyList<WorkflowDefinition> ShippedChain() =>
        DefinitionLoader.LoadFolder(ShippedFolder, Vocabulary).Where(d => d.Key.Workflow == new WorkflowId("ondermijning")).ToList();
    public static Vocabulary Vocabulary { get; } = DefinitionLoader.LoadVocabulary(Path.Combine(ShippedFolder, DefinitionLoader.VocabularyFile));

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ondermijning.sln"))) return dir.FullName;
        throw new InvalidOperationException("Ondermijning.sln not found above the test folder.");
    }

    [Fact]
    public void The_shipped_definitions_load_without_errors()
    {
        var definitions = DefinitionLoader.LoadFolder(ShippedFolder, ShippedDefinitionTests.Vocabulary);

        definitions.Select(d => d.Key).Should().BeEquivalentTo(new[]
        {
            new DefinitionKey(new WorkflowId("ondermijning"), 1),
            new DefinitionKey(new WorkflowId("ondermijning"), 2),
            new DefinitionKey(new WorkflowId("ondermijning"), 3),
            new DefinitionKey(new WorkflowId("ccv-privacyprotocol"), 1),
        });
    }

    [Fact]
    public void V1_models_the_Maastricht_chain_from_signal_to_the_tables()
    {
        var v1 = ShippedChain().Single(d => d.Key.Version == 1);

        v1.StartStage.Id.Should().Be(new StageId("ontvangen"));
        v1.TransitionsFrom(new StageId("lwo")).Select(t => t.To.Value).Should().BeEquivalentTo(
            "politie", "handhaving-wabo", "handhaving-openbare-ruimte", "ketenpartner", "atom", "mot", "geen-vervolg");
        v1.Stages.Where(s => s.Kind == StageKind.Table).Select(s => (s.Table!.Id.Value, s.Table.Kind)).Should().BeEquivalentTo(
            [("lwo", TableKind.Lwo), ("atom", TableKind.Atom), ("mot", TableKind.Mot)]);
    }
}

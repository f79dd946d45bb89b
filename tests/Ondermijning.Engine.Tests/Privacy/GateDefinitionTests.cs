using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Tests.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Privacy;

public class GateDefinitionTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "privacy", name);

    private static (WorkflowDefinition? Definition, List<DefinitionError> Errors) Load(string name)
    {
        var errors = new List<DefinitionError>();
        var definition = DefinitionLoader.Parse(File.ReadAllBytes(Fixture(name)), name, errors, ShippedDefinitionTests.Vocabulary);
        return (definition, errors);
    }

    [Fact]
    public void A_definition_declares_its_gates_and_retention()
    {
        var (definition, errors) = Load("valid.json");

        errors.Should().BeEmpty();
        var gate = definition!.Gates.Should().ContainSingle().Subject;
        gate.Stage.Should().Be(new StageId("mot"));
        gate.Category.Should().Be(InformationCategory.Closed);
        gate.Readers.Should().BeEquivalentTo([new OrganisationId("politie"), Organisations.Gemeente]);
        definition.Retention!.PeriodFor(new StageId("afgesloten")).Should().Be(Period.FromYears(1));
        definition.GateFor(new StageId("mot"), InformationCategory.Closed, new Severity("laag"), new OrganisationId("politie")).Should().BeNull("the gate starts at 'hoog'");
        definition.GateFor(new StageId("mot"), InformationCategory.Closed, new Severity("hoog"), new OrganisationId("politie")).Should().Be(gate);
        definition.GateFor(new StageId("mot"), InformationCategory.Closed, new Severity("hoog"), Organisations.Gemeente).Should().BeNull("a reader is not an author");
    }

    [Theory]
    [InlineData("gate-unknown-stage.json", "$.gates[0].stage", "unknown stage 'rieca'")]
    [InlineData("gate-final-stage.json", "$.gates[0].stage", "stage 'afgesloten' is final")]
    [InlineData("gate-unknown-category.json", "$.gates[0].category", "unknown information category 'geheim'")]
    [InlineData("gate-unknown-organisation.json", "$.gates[0].readers[2]", "unknown organisation 'interpol'")]
    [InlineData("gate-unknown-severity.json", "$.gates[0].minimumSeverity", "unknown severity 'extreem'")]
    [InlineData("gate-author-not-reader.json", "$.gates[0].addedBy", "'fiod' may add this information but is not among its readers")]
    [InlineData("gate-duplicate-id.json", "$.gates[1].id", "gate 'mot-closed' is listed twice")]
    [InlineData("gate-overlapping-authors.json", "$.gates[1].addedBy", "gate 'mot-closed' already covers politie for this stage, category and severity")]
    [InlineData("retention-malformed-period.json", "$.retention.afterFinal", "'2 jaar' is not a positive ISO-8601 duration")]
    [InlineData("retention-unknown-stage.json", "$.retention.stages.gesloten", "unknown stage 'gesloten'")]
    [InlineData("retention-stage-not-final.json", "$.retention.stages.mot", "stage 'mot' is not final")]
    public void Each_broken_privacy_rule_is_named_with_file_line_and_path(string file, string path, string problem)
    {
        var (definition, errors) = Load(file);

        definition.Should().BeNull();
        var error = errors.Should().ContainSingle().Subject;
        error.File.Should().Be(file);
        error.Path.Should().Be(path);
        error.Line.Should().NotBeNull();
        error.Problem.Should().Contain(problem);
    }

    [Fact]
    public void The_shipped_definitions_put_closed_sources_only_at_the_MOT()
    {
        foreach (var definition in ShippedDefinitionTests.ShippedChain())
        {
            definition.Gates.Where(g => g.Category == InformationCategory.Closed).Select(g => g.Stage)
                .Should().OnlyContain(s => s == new StageId("mot"));
            // Fiscal secrecy: what the Belastingdienst and FIOD share at the MOT does not reach the police.
            var fiscal = definition.GateFor(new StageId("mot"), InformationCategory.Closed, new Severity("hoog"), new OrganisationId("belastingdienst"))!;
            fiscal.Readers.Should().NotContain(new OrganisationId("politie")).And.Contain(new OrganisationId("riec"));
            definition.Retention!.PeriodFor(new StageId("niet-bevestigd")).Should().Be(Period.FromMonths(6));
            definition.Retention.PeriodFor(new StageId("afgesloten")).Should().Be(Period.FromYears(2));
        }
    }
}

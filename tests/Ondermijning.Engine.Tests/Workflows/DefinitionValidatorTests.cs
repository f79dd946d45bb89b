using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Workflows;

/// <summary>One broken fixture per rule; each message must name the file, the line, the JSON path and the problem.</summary>
public class DefinitionValidatorTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static DefinitionError SingleError(string fixture)
    {
        var act = () => DefinitionLoader.LoadFolder(Fixture(fixture), ShippedDefinitionTests.Vocabulary);
        var errors = act.Should().Throw<WorkflowDefinitionException>().Which.Errors;
        return errors.Should().ContainSingle().Which;
    }

    [Fact]
    public void A_valid_definition_loads()
    {
        var definition = DefinitionLoader.LoadFolder(Fixture("valid"), ShippedDefinitionTests.Vocabulary).Should().ContainSingle().Which;

        definition.Stages.Should().HaveCount(3);
        definition.Stage(new("lwo")).Deadline.Should().Be(NodaTime.Period.FromWeeks(6));
    }

    [Fact]
    public void A_transition_to_an_unknown_stage_is_rejected()
    {
        var error = SingleError("unknown-stage");

        error.File.Should().Be("unknown-stage/v1.json");
        error.Path.Should().Be("$.transitions[1].to");
        error.Line.Should().Be(45);
        error.Problem.Should().Contain("unknown stage 'klaaar'");
        error.ToString().Should().StartWith("unknown-stage/v1.json:45: $.transitions[1].to: unknown stage 'klaaar'");
    }

    [Fact]
    public void A_stage_that_cannot_be_reached_from_the_start_is_rejected()
    {
        var error = SingleError("unreachable-stage");

        error.File.Should().Be("unreachable-stage/v1.json");
        error.Path.Should().Be("$.stages[3]");
        error.Line.Should().NotBeNull();
        error.Problem.Should().Be("stage 'wees' cannot be reached from the start stage 'ontvangen'");
    }

    [Fact]
    public void A_non_final_stage_without_a_way_out_is_rejected()
    {
        var error = SingleError("dead-end");

        error.Path.Should().Be("$.stages[2]");
        error.Problem.Should().Contain("stage 'atom' is not final but has no transition out of it");
    }

    [Fact]
    public void The_same_trigger_twice_from_one_stage_is_rejected()
    {
        var error = SingleError("duplicate-trigger");

        error.Path.Should().Be("$.transitions[2].trigger");
        error.Problem.Should().Contain("trigger 'afsluiten' is already used from stage 'lwo' at $.transitions[1]");
    }

    [Fact]
    public void Two_files_with_the_same_id_and_version_are_rejected()
    {
        var error = SingleError("duplicate-version");

        error.File.Should().Be("duplicate-version/b/v1.json");
        error.Path.Should().Be("$.version");
        error.Problem.Should().Contain("proef v1 is also defined in duplicate-version/a/v1.json");
    }

    [Fact]
    public void An_unknown_severity_in_a_guard_is_rejected()
    {
        var error = SingleError("unknown-severity");

        error.Path.Should().Be("$.transitions[1].guards.minimumSeverity");
        error.Line.Should().NotBeNull();
        error.Problem.Should().Be("unknown severity 'extreem'; the levels are: laag, hoog");
    }

    [Fact]
    public void A_malformed_deadline_duration_is_rejected()
    {
        var error = SingleError("malformed-duration");

        error.Path.Should().Be("$.stages[1].deadline");
        error.Problem.Should().Contain("'6 weken' is not a positive ISO-8601 duration");
    }

    [Fact]
    public void Malformed_json_is_rejected_with_its_line()
    {
        var error = SingleError("malformed-json");

        error.File.Should().Be("malformed-json/v1.json");
        error.Line.Should().Be(26, "the missing comma after line 25 is noticed where the next property starts");
        error.Problem.Should().StartWith("the file is not valid JSON");
    }

    [Fact]
    public void An_unknown_role_in_a_guard_is_rejected()
    {
        var error = SingleError("unknown-role");

        error.Path.Should().Be("$.transitions[0].guards.roles[0]");
        error.Problem.Should().Contain("unknown role 'burgemeester'");
    }

    [Fact]
    public void A_definition_needs_exactly_one_start_stage()
    {
        var act = () => DefinitionLoader.LoadFolder(Fixture("two-starts"), ShippedDefinitionTests.Vocabulary);

        act.Should().Throw<WorkflowDefinitionException>().Which.Errors
            .Should().Contain(e => e.Path == "$.stages" && e.Problem == "exactly one stage must be of kind 'start'; found 2");
    }

    [Fact]
    public void The_exception_message_lists_every_problem_for_the_operator()
    {
        var act = () => DefinitionLoader.LoadFolder(Fixture("unknown-stage"), ShippedDefinitionTests.Vocabulary);

        act.Should().Throw<WorkflowDefinitionException>().WithMessage(
            "*not valid (1 problem)*service will not start*unknown-stage/v1.json:45: $.transitions[1].to: unknown stage 'klaaar'*");
    }
}

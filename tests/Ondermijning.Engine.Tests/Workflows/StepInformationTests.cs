using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Workflows;

/// <summary>
/// The information a step asks for carries a declared type, checked by the engine when the step is taken; a definition
/// that declares it wrongly, or has a property the loader does not know, does not load.
/// </summary>
public class StepInformationTests
{
    private static readonly LocalDate Today = new(2024, 6, 3);

    /// <summary>The valid fixture with <paramref name="information"/> asked for by its last step, changed by <paramref name="change"/>.</summary>
    private static (WorkflowDefinition? Definition, List<DefinitionError> Errors) Load(JsonArray information, Action<JsonObject>? change = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid", "v1.json")))!.AsObject();
        root["transitions"]![1]!["guards"]!["requiredInformation"] = information;
        change?.Invoke(root);
        var errors = new List<DefinitionError>();
        return (DefinitionLoader.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()), "proef/v1.json", errors, ShippedDefinitionTests.Vocabulary), errors);
    }

    private static RequiredInformation Single(JsonObject information)
    {
        var (definition, errors) = Load([information]);
        errors.Should().BeEmpty();
        return definition!.Transitions[1].Guards.RequiredInformation.Should().ContainSingle().Which;
    }

    private static string ErrorOf(JsonArray information, Action<JsonObject>? change = null)
    {
        var (definition, errors) = Load(information, change);
        definition.Should().BeNull();
        return errors.Should().ContainSingle().Which.ToString();
    }

    [Fact]
    public void A_date_in_words_or_in_the_future_is_refused_with_a_message_naming_the_field()
    {
        var check = Single(new JsonObject { ["key"] = "controledatum", ["label"] = "Datum van de controle", ["type"] = "date" });

        check.Check("morgen", Today).Problem.Should().Be("'Datum van de controle' (controledatum) is a date, written as YYYY-MM-DD; 'morgen' is not one.");
        check.Check("2024-06-04", Today).Problem.Should().Contain("(controledatum) lies in the future");
        check.Check(" 2024-06-03 ", Today).Should().Be(("2024-06-03", (string?)null));
    }

    [Fact]
    public void A_date_the_definition_allows_in_the_future_is_accepted()
    {
        var check = Single(new JsonObject { ["key"] = "hercontrole", ["label"] = "Hercontrole", ["type"] = "date", ["allowFuture"] = true });

        check.Check("2025-01-01", Today).Should().Be(("2025-01-01", (string?)null));
    }

    [Fact]
    public void Text_organisation_and_choice_are_checked_against_what_the_definition_declares()
    {
        var text = Single(new JsonObject { ["key"] = "ketenpartner", ["label"] = "Naam", ["type"] = "text", ["maxLength"] = 5 });
        text.Check("NVWA", Today).Value.Should().Be("NVWA");
        text.Check("Douane", Today).Problem.Should().Be("'Naam' (ketenpartner) is at most 5 characters; this is 6.");

        var organisation = Single(new JsonObject { ["key"] = "partner", ["label"] = "Partner", ["type"] = "organisation" });
        organisation.Check("NVWA", Today).Value.Should().Be("nvwa", "a known organisation is stored by its id");
        organisation.Check("de buurman", Today).Problem.Should().StartWith("'Partner' (partner) is one of the known organisations");

        var choice = Single(new JsonObject { ["key"] = "uitkomst", ["label"] = "Uitkomst", ["type"] = "choice", ["values"] = new JsonArray("ja", "nee") });
        choice.Check("ja", Today).Value.Should().Be("ja");
        choice.Check("misschien", Today).Problem.Should().Be("'Uitkomst' (uitkomst) is one of: ja, nee; 'misschien' is not.");
    }

    [Fact]
    public void A_step_takes_only_information_that_fits_its_type_and_stores_it_as_checked()
    {
        var (definition, _) = Load([new JsonObject { ["key"] = "controledatum", ["label"] = "Datum van de controle", ["type"] = "date" }]);
        var transition = definition!.Transitions[1];
        var stored = new Dictionary<string, string>();

        var refused = CaseStateMachine.InputRequirements(transition,
            new TriggerRequest(transition.Trigger, "reden", new Dictionary<string, string> { ["controledatum"] = "morgen" }), Today, stored);
        refused.Should().ContainSingle().Which.Should().Be(new UnmetRequirement("information.controledatum",
            "'Datum van de controle' (controledatum) is a date, written as YYYY-MM-DD; 'morgen' is not one.", Malformed: true));

        CaseStateMachine.InputRequirements(transition,
            new TriggerRequest(transition.Trigger, "reden", new Dictionary<string, string> { ["controledatum"] = "2024-06-01 " }), Today, stored)
            .Should().BeEmpty();
        stored.Should().Equal(new Dictionary<string, string> { ["controledatum"] = "2024-06-01" });
    }

    [Fact]
    public void Information_without_a_type_or_with_an_unknown_one_does_not_load()
    {
        ErrorOf([new JsonObject { ["key"] = "datum", ["label"] = "Datum" }])
            .Should().EndWith("$.transitions[1].guards.requiredInformation[0].type: 'type' is required and must be a non-empty text");
        ErrorOf([new JsonObject { ["key"] = "datum", ["label"] = "Datum", ["type"] = "datum" }])
            .Should().EndWith("$.transitions[1].guards.requiredInformation[0].type: unknown type 'datum'; the types are: text, date, organisation, choice, yesNo, checklist");
    }

    [Fact]
    public void Settings_that_do_not_fit_the_type_do_not_load()
    {
        ErrorOf([new JsonObject { ["key"] = "k", ["label"] = "K", ["type"] = "choice" }])
            .Should().EndWith("requiredInformation[0].values: a choice needs 'values': the list of values to choose from");
        ErrorOf([new JsonObject { ["key"] = "k", ["label"] = "K", ["type"] = "date", ["maxLength"] = 10 }])
            .Should().EndWith("requiredInformation[0].maxLength: 'maxLength' is for type 'text' only");
        ErrorOf([new JsonObject { ["key"] = "k", ["label"] = "K", ["type"] = "text", ["maxLength"] = 0 }])
            .Should().EndWith("requiredInformation[0].maxLength: 'maxLength' must be a whole number from 1 to 8000");
    }

    [Theory]
    [InlineData("$", "titel")]
    [InlineData("$.stages[0]", "tabel")]
    [InlineData("$.transitions[1]", "guard")]
    [InlineData("$.transitions[1].guards", "reasonrequired")]
    [InlineData("$.transitions[1].guards.requiredInformation[0]", "maxlength")]
    [InlineData("$.severityLevels[0]", "omschrijving")]
    public void An_unknown_property_anywhere_does_not_load_and_is_named(string at, string property)
    {
        var information = new JsonArray(new JsonObject { ["key"] = "k", ["label"] = "K", ["type"] = "text" });
        var error = ErrorOf(information, root =>
        {
            JsonNode target = root;
            foreach (var step in at.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = step.Split('[')[0];
                target = target[name]!;
                if (step.Contains('[')) target = target[int.Parse(step.Split('[')[1].TrimEnd(']'))]!;
            }
            target[property] = "x";
        });

        error.Should().Contain($"{at}.{property}: unknown property '{property}'; the properties here are: ");
    }
}

using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using NodaTime;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Tests.Workflows;

/// <summary>
/// A step declares the outcome it records and the typed inputs it asks for; the engine checks each input by its type and
/// reads the outcome and the inputs' roles from the declaration, also for v1 and v2 through their compatibility file.
/// </summary>
public class OutcomeDeclarationTests
{
    private static readonly LocalDate Today = new(2024, 6, 3);

    /// <summary>The valid fixture with its last step changed by <paramref name="change"/>.</summary>
    private static (WorkflowDefinition? Definition, List<DefinitionError> Errors) Load(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid", "v1.json")))!.AsObject();
        change(root["transitions"]![1]!.AsObject());
        var errors = new List<DefinitionError>();
        return (DefinitionLoader.Parse(Encoding.UTF8.GetBytes(root.ToJsonString()), "proef/v1.json", errors, ShippedDefinitionTests.Vocabulary), errors);
    }

    private static RequiredInformation Input(JsonObject input)
    {
        var (definition, errors) = Load(t => t["guards"]!["requiredInformation"] = new JsonArray(input));
        errors.Should().BeEmpty();
        return definition!.Transitions[1].Guards.RequiredInformation.Should().ContainSingle().Which;
    }

    private static readonly Gen<LocalDate> AnyDate = Gen.Int[-4000, 4000].Select(Today.PlusDays);

    [Fact]
    public void A_date_is_refused_after_today_unless_the_input_allows_the_future_and_is_stored_in_ISO_form()
    {
        var past = Input(new JsonObject { ["key"] = "datum", ["label"] = "Datum", ["type"] = "date" });
        var future = Input(new JsonObject { ["key"] = "datum", ["label"] = "Datum", ["type"] = "date", ["allowFuture"] = true });

        AnyDate.Sample(date =>
        {
            var text = date.ToString("uuuu-MM-dd", null);
            var (value, problem) = past.Check(text, Today);
            if (date > Today) problem.Should().Contain("lies in the future");
            else value.Should().Be(text);
            future.Check(text, Today).Should().Be((text, (string?)null));
        });
    }

    [Fact]
    public void A_yes_no_input_takes_yes_or_no_in_English_or_Dutch_and_nothing_else()
    {
        var answer = Input(new JsonObject { ["key"] = "proportioneel", ["label"] = "Proportioneel", ["type"] = "yesNo", ["help"] = "Staat de inbreuk in verhouding?" });

        answer.Help.Should().Be("Staat de inbreuk in verhouding?");
        answer.Check("Ja", Today).Value.Should().Be(RequiredInformation.Yes);
        answer.Check("nee", Today).Value.Should().Be(RequiredInformation.No);
        answer.Check("true", Today).Value.Should().Be(RequiredInformation.Yes);
        Gen.String[1, 20].Where(s => s.Trim().ToLowerInvariant() is not ("ja" or "nee" or "true" or "false")).Sample(text =>
            answer.Check(text, Today).Problem.Should().Contain("is yes or no"));
    }

    [Fact]
    public void A_checklist_takes_known_values_one_per_line_at_least_its_minimum_and_stores_them_in_declared_order()
    {
        string[] options = ["omzet", "bezoekers", "eigendom", "contant"];
        var list = Input(new JsonObject
        {
            ["key"] = "indicatoren", ["label"] = "Indicatoren", ["type"] = "checklist", ["values"] = new JsonArray(options.Select(o => (JsonNode)o!).ToArray()), ["minimum"] = 2,
        });

        // Every subset, ticked in any order: reversed for odd masks.
        Gen.Int[0, 15].Select(mask => options.Where((_, i) => (mask & (1 << i)) != 0).Reverse().Take(4).ToArray()).Sample(ticked =>
        {
            var (value, problem) = list.Check(string.Join('\n', ticked), Today);
            if (ticked.Length >= 2)
                value.Should().Be(string.Join('\n', options.Where(ticked.Contains)), "stored in the order the definition lists them");
            else
                problem.Should().Contain("at least 2");
        });
        list.Check("omzet\nmisschien", Today).Problem.Should().Contain("'misschien' is not one");
    }

    [Theory]
    [InlineData("""{ "outcome": "lwoDecision" }""", "$.transitions[1].records.route: an LWO decision names its 'route'")]
    [InlineData("""{ "outcome": "lwoDecision", "route": "bakker" }""", "$.transitions[1].records.route: unknown route 'bakker'")]
    [InlineData("""{ "outcome": "enrichmentDecision" }""", "$.transitions[1].records.confirmed: an enrichment decision says whether")]
    [InlineData("""{ "outcome": "atomInspection", "route": "politie" }""", "$.transitions[1].records.route: 'route' is for outcome 'lwoDecision' only")]
    [InlineData("""{ "outcome": "besluit" }""", "$.transitions[1].records.outcome: 'outcome' must be one of: enrichmentDecision, lwoDecision")]
    [InlineData("""{ "outcome": "weighing", "kind": "x" }""", "$.transitions[1].records.kind: unknown property 'kind'")]
    public void A_wrongly_declared_outcome_does_not_load(string records, string error)
    {
        var (definition, errors) = Load(t => t["records"] = JsonNode.Parse(records));

        definition.Should().BeNull();
        errors.Should().ContainSingle().Which.ToString().Should().Contain(error);
    }

    [Fact]
    public void A_date_role_belongs_to_a_date_and_a_role_to_one_input_of_a_step()
    {
        var (_, errors) = Load(t => t["guards"]!["requiredInformation"] = new JsonArray(
            new JsonObject { ["key"] = "a", ["label"] = "A", ["type"] = "text", ["role"] = "meetingDate" },
            new JsonObject { ["key"] = "b", ["label"] = "B", ["type"] = "date", ["role"] = "inspectionDate" },
            new JsonObject { ["key"] = "c", ["label"] = "C", ["type"] = "date", ["role"] = "inspectionDate" }));

        errors.Select(e => e.ToString()).Should().Contain(e => e.Contains("requiredInformation[0].role: the role 'meetingDate' is for an input of type 'date'"))
            .And.Contain(e => e.Contains("requiredInformation[2].role: another input of this step already has the role 'inspectionDate'"));
    }

    [Fact]
    public void V1_and_v2_read_their_outcomes_from_the_compatibility_file_and_v3_declares_the_same_itself()
    {
        var shipped = ShippedDefinitionTests.ShippedChain().ToDictionary(d => d.Key.Version);
        static Dictionary<string, (StepOutcome? Records, InputRole?[] Roles)> Outcomes(WorkflowDefinition d) =>
            d.Transitions.ToDictionary(t => $"{t.From}/{t.Trigger}", t => (t.Records, t.Guards.RequiredInformation.Select(r => r.Role).ToArray()));

        var v2 = Outcomes(shipped[2]);
        v2.Should().BeEquivalentTo(Outcomes(shipped[3]), "v3 is v2 with its outcomes declared in the steps");
        v2["verrijking/bevestigd-naar-lwo"].Records.Should().Be(new StepOutcome(OutcomeKind.EnrichmentDecision, Confirmed: true));
        v2["lwo/naar-ketenpartner"].Roles.Should().Equal(InputRole.MeetingDate, InputRole.ChainPartner);
        v2["bibob-advies/bibob-naar-mot"].Records.Should().Be(new StepOutcome(OutcomeKind.LwoDecision, LwoRoute.Mot));
        v2["atom/atom-herweging"].Records!.Kind.Should().Be(OutcomeKind.AtomInspection);
        Outcomes(shipped[1]).Should().OnlyContain(x => v2[x.Key].Records == x.Value.Records, "v1's steps record what v2's do");
    }

    [Fact]
    public void A_compatibility_file_naming_a_step_no_covered_version_has_refuses_the_folder()
    {
        var folder = Path.Combine(Scratch.NewFolder(), "workflows", "ondermijning");
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "v1.json", "v2.json", "outcomes-v1-v2.json" })
            File.Copy(Path.Combine(ShippedDefinitionTests.ShippedFolder, "ondermijning", file), Path.Combine(folder, file));
        var compatibility = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "outcomes-v1-v2.json")))!.AsObject();
        compatibility["steps"]![2]!["trigger"] = "naar-de-bakker";
        File.WriteAllText(Path.Combine(folder, "outcomes-v1-v2.json"), compatibility.ToJsonString());

        var act = () => DefinitionLoader.LoadFolder(Path.GetDirectoryName(folder)!, ShippedDefinitionTests.Vocabulary);

        act.Should().Throw<WorkflowDefinitionException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("workflows/ondermijning/outcomes-v1-v2.json: $.steps[2].trigger: no version it covers has a step 'naar-de-bakker' from stage 'lwo'");
    }
}

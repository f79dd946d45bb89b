using Ondermijning.Api.Atom;
using Ondermijning.Api.Mot;
using Ondermijning.Engine;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Zaken;

/// <summary>The inspection an ATOM step rests on, as typed on the case page or on an agenda row.</summary>
public sealed class ControleInvoer
{
    public string? Datum { get; set; }
    public string? Locatie { get; set; }
    public List<string> Organisaties { get; set; } = [];
    /// <summary>The outcomes as the API spells them (last-onder-dwangsom, …).</summary>
    public List<string> Uitkomsten { get; set; } = [];
    public string? AndereUitkomst { get; set; }

    /// <summary>Checked by the same rules as the API's request, so a page and a client are refused alike.</summary>
    public AtomInspectionDetails ToDetails() =>
        new RecordAtomInspectionRequest(Locatie, string.IsNullOrWhiteSpace(Datum) ? null : Datum.Trim(), Organisaties, Uitkomsten,
            string.IsNullOrWhiteSpace(AndereUitkomst) ? null : AndereUitkomst).ToDetails();
}

/// <summary>One intervention a MOT sitting decides; a slot left empty is no intervention.</summary>
public sealed class InterventieInvoer
{
    public string? Soort { get; set; }
    public string? Uitvoerder { get; set; }
    public string? Gepland { get; set; }

    public bool Leeg => string.IsNullOrWhiteSpace(Soort) && string.IsNullOrWhiteSpace(Uitvoerder) && string.IsNullOrWhiteSpace(Gepland);
}

/// <summary>What a step records besides the move, typed on the case page or on an agenda row, turned into the engine's terms.</summary>
public static class KetenInvoer
{
    /// <summary>The most interventions one form offers at once; more are added on the case afterwards.</summary>
    public const int InterventionSlots = 3;

    /// <summary>
    /// The inspection or interventions of <paramref name="records"/>'s kind, dated <paramref name="sittingDate"/> where the
    /// sitting dates them. Every slot is checked, and every refusal is reported at once under the slot's field names.
    /// </summary>
    public static StepOutcomes Outcomes(StepRecord records, ControleInvoer? controle, IEnumerable<InterventieInvoer?>? interventies, string? sittingDate)
    {
        var errors = new Dictionary<string, string[]>();
        var breaches = new Dictionary<string, Breach>();
        AtomInspectionDetails? inspection = null;
        var decided = new List<InterventionDetails>();
        if (records == StepRecord.AtomInspection)
            Collect(() => inspection = (controle ?? new ControleInvoer()).ToDetails(), "", errors, breaches);
        if (records == StepRecord.Interventions)
            foreach (var (slot, i) in (interventies ?? []).Select((s, i) => (s, i)).Where(s => s.s is { Leeg: false }))
                Collect(() => decided.Add(new RecordInterventionRequest(slot!.Soort, slot.Uitvoerder, DecidedOn: sittingDate,
                    PlannedFor: string.IsNullOrWhiteSpace(slot.Gepland) ? null : slot.Gepland.Trim()).ToDetails()), $"interventions[{i}].", errors, breaches);
        // What was typed for an outcome this step does not record is refused, not dropped.
        if (records != StepRecord.Interventions && (interventies ?? []).Any(s => s is { Leeg: false }))
            errors["interventionsNotAsked"] = ["This step records no interventions."];
        if (records != StepRecord.AtomInspection && controle is { } typed
            && (!string.IsNullOrWhiteSpace(typed.Locatie) || !string.IsNullOrWhiteSpace(typed.AndereUitkomst) || typed.Uitkomsten.Count > 0))
            errors["inspectionNotAsked"] = ["This step records no inspection."];
        // Interventions carry the sitting's date; without one they would silently be dated today.
        if (decided.Count > 0 && string.IsNullOrWhiteSpace(sittingDate)) errors["decidedOn"] = ["The interventions need the date of the MOT sitting."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors, breaches);
        return new StepOutcomes(inspection, decided);
    }

    private static void Collect(Action convert, string prefix, Dictionary<string, string[]> errors, Dictionary<string, Breach> breaches)
    {
        try
        {
            convert();
        }
        catch (EngineProblem problem)
        {
            foreach (var (field, messages) in problem.Errors) errors[prefix + field] = messages;
            foreach (var (field, breach) in problem.Breaches) breaches[prefix + field] = breach;
        }
    }

    /// <summary>The Dutch message for a field of an inspection or intervention, or of the closing rule.</summary>
    public static string ForField(string field)
    {
        var name = field.Contains('.') ? field[(field.LastIndexOf('.') + 1)..] : field;
        if (name.StartsWith("outcomes", StringComparison.Ordinal)) return "Kies de uitkomsten uit de lijst; ‘overig’ met een beschrijving.";
        return name switch
        {
            "location" => "Vul de gecontroleerde locatie in.",
            "inspectedOn" => "Vul de datum van de controle in (niet in de toekomst).",
            "organisations" => "Kies de organisaties die aan de controle deelnamen.",
            "otherOutcome" => "Beschrijf de andere uitkomst, en kies daarbij ‘overig’.",
            "subtype" => "Kies de soort interventie.",
            "executingOrganisation" => "Vul de uitvoerende organisatie in.",
            "plannedFor" => "Vul een geldige geplande datum in.",
            "decidedOn" => "De datum van het MOT-overleg ontbreekt of ligt in de toekomst.",
            "interventionsNotAsked" => "Bij dit besluit horen geen interventies: kies ‘Interventies besloten’ of maak de interventieregels leeg.",
            "inspectionNotAsked" => "Bij dit besluit hoort geen controle: maak de velden van de controle leeg.",
            "findingIds" => "Kies de bevindingen waarop het besluit rust.",
            "date" => "Vul een geldige datum in (niet in de toekomst en niet vóór het besluit).",
            "note" => "Gebruik hoogstens 4000 tekens, zonder stuurtekens.",
            _ => "Controleer dit veld.",
        };
    }

    /// <summary>Dutch names of the ATOM outcomes, by the API's spelling.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> AtomOutcomes =
    [
        ("last-onder-dwangsom", "Last onder dwangsom opgelegd"),
        ("handhaving-wabo", "Verder opgepakt door Handhaving Wabo"),
        ("sociale-recherche", "Personen overgedragen aan de Sociale Recherche"),
        ("overig", "Overig (beschrijf hieronder)"),
    ];

    public static string OutcomeLabel(AtomOutcome outcome) => outcome switch
    {
        AtomOutcome.LastOnderDwangsom => "last onder dwangsom",
        AtomOutcome.HandhavingWabo => "verder door Handhaving Wabo",
        AtomOutcome.SocialeRecherche => "personen naar de Sociale Recherche",
        _ => "overig",
    };

    public static string TypeLabel(InterventionType type) => type switch
    {
        InterventionType.Bestuurlijk => "bestuurlijk",
        InterventionType.Strafrechtelijk => "strafrechtelijk",
        _ => "fiscaal",
    };

    /// <summary>The inputs the definition declares as dating the step's outcome: the meeting or the inspection date.</summary>
    public static IEnumerable<RequiredInformation> Dates(TransitionDefinition transition) =>
        transition.Guards.RequiredInformation.Where(r => r.Role is InputRole.MeetingDate or InputRole.InspectionDate);

    /// <summary>The step's information with every date it asks for set to <paramref name="date"/>.</summary>
    public static Dictionary<string, string> Dated(TransitionDefinition transition, IReadOnlyDictionary<string, string> information, string date)
    {
        var dated = information.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var key in Dates(transition).Select(d => d.Key)) dated[key] = date;
        return dated;
    }
}

/// <summary>The inspection fields of one form: on the case page, or on one row of the ATOM agenda.</summary>
/// <param name="Name">The form name the fields bind under (stap.Controle, besluiten[3].Controle).</param>
/// <param name="Id">The prefix of the fields' element ids, unique on the page.</param>
/// <param name="Label">Names the case in the legend on an agenda, where several rows carry the same fields.</param>
/// <param name="Errors">The Dutch message per engine field (location, inspectedOn, …).</param>
/// <param name="Required">False on an agenda, where a row without this decision leaves the fields empty.</param>
public sealed record ControleVelden(string Name, string Id, string Label, ControleInvoer? Typed, IReadOnlyDictionary<string, string> Errors,
    string Today, IReadOnlyList<string> DefaultOrganisations, bool Required = true);

/// <summary>The intervention slots of one form; see <see cref="ControleVelden"/>.</summary>
public sealed record InterventieVelden(string Name, string Id, string Label, IReadOnlyList<InterventieInvoer?> Typed,
    IReadOnlyDictionary<string, string> Errors, IReadOnlyList<Ondermijning.Engine.Mot.InterventionSubtype> Subtypes);

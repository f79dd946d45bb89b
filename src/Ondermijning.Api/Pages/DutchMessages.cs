using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages;

/// <summary>
/// The pages speak Dutch; the engine's refusals carry field keys, from which the pages write their own
/// messages, next to the field they concern.
/// </summary>
public static class DutchMessages
{
    public static string ForProblem(EngineProblem problem) => problem.Kind switch
    {
        ProblemKind.Conflict => "De zaak is intussen door iemand anders gewijzigd, of deze stap kan in de huidige fase niet meer. Bekijk de zaak opnieuw en probeer het nog eens.",
        ProblemKind.Forbidden => "U mag deze stap niet zetten met uw rol.",
        ProblemKind.NotFound => "Deze zaak bestaat niet (meer).",
        _ => "Niet alles is goed ingevuld. Zie de meldingen bij de velden.",
    };

    /// <summary>
    /// One Dutch wording per rule of the engine (<see cref="FieldRule"/>), the same rule the API words in English: a page
    /// shows it next to the field that broke it.
    /// </summary>
    public static string ForBreach(Breach breach) => breach.Rule switch
    {
        FieldRule.Required => "Vul dit veld in.",
        FieldRule.TooLong => $"Gebruik hoogstens {breach.Limit} tekens.",
        FieldRule.ControlCharacter => "Dit veld bevat een stuurteken (zoals een tab of een onzichtbaar teken); haal het weg.",
        FieldRule.LoneSurrogate => "Dit veld bevat een ongeldig teken; typ de tekst opnieuw.",
        FieldRule.Postcode => "Schrijf de postcode als vier cijfers en twee letters, bijvoorbeeld 6211 AB.",
        FieldRule.HouseNumber => "Vul een huisnummer van 1 tot en met 99999 in.",
        FieldRule.KvkNumber => "Een KvK-nummer bestaat uit 8 cijfers.",
        FieldRule.Municipality => "Kies de gemeente.",
        FieldRule.DateFormat => "Vul een geldige datum in (jjjj-mm-dd).",
        FieldRule.DateOutOfRange => "Vul een datum tussen 1900 en 2100 in.",
        FieldRule.DateInFuture => "Deze datum ligt in de toekomst.",
        FieldRule.TimeFormat => "Vul een geldige tijd in (uu:mm), bijvoorbeeld 14:30.",
        FieldRule.MomentInFuture => "Dit tijdstip ligt in de toekomst.",
        FieldRule.MomentTooEarly => "Dit tijdstip ligt vóór de ontvangst van het signaal of vóór de vorige stap.",
        _ => "Controleer dit veld.",
    };

    /// <summary>The Dutch message for each refused field: its rule where the engine names one, otherwise <paramref name="fallback"/>.</summary>
    public static Dictionary<string, string> ForFields(EngineProblem problem, Func<string, string> fallback) =>
        problem.Errors.Keys.ToDictionary(field => field,
            field => problem.Breaches.TryGetValue(field, out var breach) && breach.Rule != FieldRule.Other ? ForBreach(breach) : fallback(field));

    /// <summary>A refusal of the information, severity or feedback form; the privacy protocol's refusals name the gate.</summary>
    public static string ForSideForm(string form, EngineProblem problem) => (form, problem.Kind) switch
    {
        ("informatie", ProblemKind.RuleViolation) => "Het privacyprotocol staat deze informatie in deze fase en bij deze zwaarte niet toe.",
        ("informatie", ProblemKind.Forbidden) => "Uw organisatie mag deze informatie hier niet toevoegen volgens het privacyprotocol.",
        ("interventie", _) => "Kies de soort interventie en vul de uitvoerende organisatie in.",
        ("zwaarte", _) => "De zwaarte kan alleen omhoog, met een reden.",
        ("terugkoppeling", ProblemKind.Forbidden) => "Alleen een OOV-regisseur schrijft de terugkoppeling voor de melder.",
        ("terugkoppeling", _) => "Schrijf een terugkoppeling van hoogstens 2000 tekens.",
        _ => ForProblem(problem),
    };

    /// <summary>The date of an information item: a date not in the future, and where a gate limits the age, recent enough.</summary>
    public static string ForInformationDate(EngineProblem problem, WorkflowDefinition definition, StageId stage) =>
        problem.Kind == ProblemKind.RuleViolation
            ? "Het privacyprotocol neemt in deze fase alleen recente informatie aan" +
              (definition.Gates.Where(g => g.Stage == stage).Select(g => g.MaximumAge).OfType<Period>().FirstOrDefault() is { } age ? $" (hoogstens {Dutch.Age(age)} oud)" : "") +
              ": vul de datum van de informatie in; oudere informatie wordt niet gedeeld."
            : "Vul een geldige datum van de informatie in, niet in de toekomst.";

    /// <summary>
    /// The Dutch message per refused field of a step, on the case page and on an agenda alike: what the step itself asks
    /// (reason, severity, its information, the outcome it records) in the step's own words, an inspection's or an
    /// intervention's fields in theirs.
    /// </summary>
    public static Dictionary<string, string> ForStep(EngineProblem problem, TransitionDefinition? transition, WorkflowDefinition definition) =>
        ForFields(problem, field => field is "reason" or "severity" or "inspection" or "interventions" || field.StartsWith("information.", StringComparison.Ordinal)
            ? ForStepField(field, transition, definition)
            : Zaken.KetenInvoer.ForField(field));

    public static string ForStepField(string field, TransitionDefinition? transition, WorkflowDefinition definition)
    {
        if (field == "reason") return "Geef een reden op.";
        if (field == "inspection") return "Bij dit besluit hoort de integrale controle: vul de datum, de locatie en de uitkomsten van de controle in.";
        if (field == "interventions")
            return transition is not null && Engine.ChainSteps.Records(transition) == Engine.StepRecord.Interventions
                ? "Bij dit besluit horen de interventies die de MOT besloot: vul er minstens één in."
                : "Er zijn nog geplande interventies: markeer elke interventie eerst als uitgevoerd of vervallen.";
        if (field == "severity" && transition?.Guards.MinimumSeverity is { } minimum)
            return $"Hiervoor moet de zwaarte minimaal ‘{definition.SeverityLabel(minimum)}’ zijn.";
        if (field.StartsWith("information.", StringComparison.Ordinal))
        {
            var key = field["information.".Length..];
            // The rule the field follows, whether it was left empty or filled in wrongly.
            return transition?.Guards.RequiredInformation.FirstOrDefault(r => r.Key == key) is not { } required
                ? $"‘{key}’ hoort niet bij deze stap."
                : required.Type switch
                {
                    InformationType.Date => $"‘{required.Label}’ is verplicht: een datum (dd-mm-jjjj){(required.AllowFuture ? "" : ", niet in de toekomst")}.",
                    InformationType.Organisation => $"‘{required.Label}’ is verplicht: kies een van de bekende organisaties.",
                    InformationType.Choice => $"‘{required.Label}’ is verplicht: kies uit {string.Join(", ", required.Choices)}.",
                    InformationType.YesNo => $"‘{required.Label}’ is verplicht: kies ja of nee.",
                    InformationType.Checklist => $"Kruis bij ‘{required.Label}’ minstens {required.Minimum} aan uit {string.Join(", ", required.Choices)}.",
                    _ => $"‘{required.Label}’ is verplicht (maximaal {required.MaxLength} tekens).",
                };
        }
        return "Deze stap kan nu niet worden gezet.";
    }

    private static readonly Dictionary<string, string> SignalFields = new()
    {
        ["municipality"] = "Kies de gemeente.",
        ["sourceChannel"] = "Kies hoe het signaal binnenkwam.",
        ["description"] = "Beschrijf het signaal (maximaal 8000 tekens).",
        ["reporter.name"] = "Vul de naam van de melder in, of kies ‘anoniem’.",
        ["reporter"] = "U heeft ‘anoniem’ aangevinkt én een naam of contactgegeven ingevuld. Een anonieme melding bewaart geen naam: haal de naam en het contactgegeven weg, of vink ‘anoniem’ uit.",
        ["receivedAt"] = "Vul een geldige datum van ontvangst in, niet in de toekomst.",
        ["severity"] = "Kies een zwaarte uit de lijst.",
    };

    public static string ForSignalField(string field)
    {
        if (SignalFields.TryGetValue(field, out var message)) return message;
        if (field.EndsWith(".kvkNumber", StringComparison.Ordinal)) return "Een KvK-nummer bestaat uit 8 cijfers.";
        if (field.EndsWith(".postcode", StringComparison.Ordinal)) return "Schrijf de postcode als vier cijfers en twee letters, bijvoorbeeld 6211 AB.";
        if (field.EndsWith(".houseNumber", StringComparison.Ordinal)) return "Vul een huisnummer in.";
        if (field.EndsWith(".birthDate", StringComparison.Ordinal)) return "Vul een geldige geboortedatum in (niet in de toekomst).";
        if (field.StartsWith("companies[", StringComparison.Ordinal) && field.EndsWith(".name", StringComparison.Ordinal))
            return "Vul de naam of het KvK-nummer van de onderneming in.";
        if (field.EndsWith(".name", StringComparison.Ordinal)) return "Vul de naam in.";
        return "Controleer dit veld.";
    }
}

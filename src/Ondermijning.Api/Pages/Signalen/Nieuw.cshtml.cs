using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Signals;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Signalen;

/// <summary>
/// The form an OOV adviser fills in when a signal comes in: any number of persons, companies and addresses, added and
/// removed by buttons that post the form back (so it works without JavaScript; a script only does the same in place).
/// </summary>
[RequiresPermission(Permission.RegisterSignal)]
public sealed partial class NieuwModel(RegisterSignal registerSignal, RelatedCases related, WorkflowCatalog catalog, IClock clock) : PageModel
{
    /// <summary>Up to this many municipalities a select lists them; beyond it the user types the name (with suggestions).</summary>
    public const int SelectUpTo = 15;
    /// <summary>Rows of one kind the form offers to add; a signal with more subjects goes through the API.</summary>
    public const int MaxRows = 25;

    public sealed class PersoonInvoer
    {
        public string? Naam { get; set; }
        public string? Geboortedatum { get; set; }
        public string? Rol { get; set; }
        public bool Leeg => string.IsNullOrWhiteSpace(Naam) && string.IsNullOrWhiteSpace(Geboortedatum) && string.IsNullOrWhiteSpace(Rol);
    }

    public sealed class BedrijfInvoer
    {
        public string? Naam { get; set; }
        public string? KvkNummer { get; set; }
        public string? Plaats { get; set; }
        public bool Leeg => string.IsNullOrWhiteSpace(Naam) && string.IsNullOrWhiteSpace(KvkNummer) && string.IsNullOrWhiteSpace(Plaats);
    }

    public sealed class AdresInvoer
    {
        public string? Postcode { get; set; }
        /// <summary>Text, so that letters typed here are refused next to the field instead of lost in binding.</summary>
        public string? Huisnummer { get; set; }
        public string? Toevoeging { get; set; }
        public string? Straat { get; set; }
        public string? Plaats { get; set; }
        public bool Leeg => new[] { Postcode, Huisnummer, Toevoeging, Straat, Plaats }.All(string.IsNullOrWhiteSpace);
    }

    public sealed class Invoer
    {
        public string? Gemeente { get; set; }
        public string? Bron { get; set; }
        public string? Omschrijving { get; set; }
        public string? Branche { get; set; }
        public string? Fenomenen { get; set; }
        public string? Zwaarte { get; set; }
        public string? OntvangenDatum { get; set; }
        public string? OntvangenTijd { get; set; }
        public bool Anoniem { get; set; } = true;
        public string? MelderNaam { get; set; }
        public string? MelderContact { get; set; }
        public List<PersoonInvoer> Personen { get; set; } = [new()];
        public List<BedrijfInvoer> Bedrijven { get; set; } = [new()];
        public List<AdresInvoer> Adressen { get; set; } = [new()];
    }

    [BindProperty]
    public Invoer Signaal { get; set; } = new();

    public IReadOnlyList<SeverityLevel> SeverityLevels => catalog.NewestApplying(catalog.DefaultWorkflow, Today).SeverityLevels;
    private LocalDate Today => clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;
    public string TodayIso => LocalDatePattern.Iso.Format(Today);

    /// <summary>The municipalities the user works for, by name.</summary>
    public IReadOnlyList<Municipality> OwnMunicipalities =>
        User.ToActor().Municipalities.Select(code => Municipalities.Find(code) ?? new Municipality(code, code.Value, ""))
            .OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    public bool ChooseFromList => OwnMunicipalities.Count <= SelectUpTo;

    public void OnGet()
    {
        if (OwnMunicipalities is [var only]) Signaal.Gemeente = only.Code.Value;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var s = Signaal;
        var refused = new Dictionary<string, string>();
        var municipality = Municipality(s.Gemeente, refused);
        var persons = s.Personen.Where(p => !p.Leeg).ToList();
        var companies = s.Bedrijven.Where(c => !c.Leeg).ToList();
        var addresses = s.Adressen.Where(a => !a.Leeg).ToList();
        // The rows without the empty ones, as the engine numbers them, so that an error names the row shown.
        (s.Personen, s.Bedrijven, s.Adressen) = (Rows(persons), Rows(companies), Rows(addresses));
        var request = new RegisterSignalRequest(
            municipality, s.Bron, s.Omschrijving,
            // What was typed goes to the engine as typed: a name with "anoniem" ticked is refused there, never dropped here.
            new ReporterRequest(s.Anoniem, NullIfEmpty(s.MelderNaam), NullIfEmpty(s.MelderContact)),
            s.Branche,
            (s.Fenomenen ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            s.Zwaarte,
            persons.Select(p => new PersonRequest(p.Naam, NullIfEmpty(p.Geboortedatum), NullIfEmpty(p.Rol))).ToList(),
            companies.Select(c => new CompanyRequest(NullIfEmpty(c.Naam), NullIfEmpty(c.KvkNummer), NullIfEmpty(c.Plaats))).ToList(),
            addresses.Select((a, i) => new AddressRequest(a.Postcode, HouseNumber(a.Huisnummer, i, refused), NullIfEmpty(a.Toevoeging),
                NullIfEmpty(a.Straat), NullIfEmpty(a.Plaats))).ToList());
        try
        {
            var signal = request.ToSignal(Today, f => f.OptionalMoment(s.OntvangenDatum, s.OntvangenTijd, ReceivedAt, ReceivedAtTime));
            // The form's own refusals (a municipality not found, letters in a house number) stop it before the engine.
            if (refused.Count > 0 || !ModelState.IsValid) return Refused(refused);
            var registered = await registerSignal.HandleAsync(signal, User.ToActor(), cancellationToken: cancellationToken);
            TempData["Melding"] = await RegisteredNoticeAsync(registered, cancellationToken);
            // Shown once, on the next page only: the database keeps only a hash of it.
            TempData["Ontvangstcode"] = registered.Receipt?.ToString();
            return Redirect($"/zaken/{registered.Case.Id}");
        }
        catch (EngineProblem problem) when (problem.Errors.Count > 0)
        {
            foreach (var (field, message) in DutchMessages.ForFields(problem, DutchMessages.ForSignalField)) refused.TryAdd(field, message);
            if (problem.Kind == ProblemKind.Forbidden) refused["municipality"] = "U werkt niet voor deze gemeente; kies een van uw gemeenten.";
            return Refused(refused);
        }
    }

    public const string ReceivedAt = "receivedAt";
    public const string ReceivedAtTime = "receivedAt.time";

    private IActionResult Refused(Dictionary<string, string> refused)
    {
        foreach (var (field, message) in refused) ModelState.AddModelError(field, message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>An empty list still shows one row to fill in.</summary>
    private static List<T> Rows<T>(List<T> rows) where T : new() => rows.Count > 0 ? rows : [new()];

    /// <summary>"Nog een … toevoegen" without JavaScript: the form comes back as typed, with one more row of that kind.</summary>
    public IActionResult OnPostToevoegen(string? soort)
    {
        var s = Signaal;
        switch (soort)
        {
            case "persoon" when s.Personen.Count < MaxRows: s.Personen.Add(new()); break;
            case "bedrijf" when s.Bedrijven.Count < MaxRows: s.Bedrijven.Add(new()); break;
            case "adres" when s.Adressen.Count < MaxRows: s.Adressen.Add(new()); break;
        }
        return Unchecked();
    }

    /// <summary>"… verwijderen" without JavaScript: the form comes back as typed, without that row.</summary>
    public IActionResult OnPostVerwijderen(string? soort, string? rij)
    {
        if (RowsOf(soort) is { } rows && int.TryParse(rij, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < rows.Count)
            rows.RemoveAt(row);
        return Unchecked();
    }

    private System.Collections.IList? RowsOf(string? soort) => soort switch
    {
        "persoon" => Signaal.Personen,
        "bedrijf" => Signaal.Bedrijven,
        "adres" => Signaal.Adressen,
        _ => null,
    };

    private PageResult Unchecked()
    {
        var s = Signaal;
        (s.Personen, s.Bedrijven, s.Adressen) = (Rows(s.Personen), Rows(s.Bedrijven), Rows(s.Adressen));
        // Nothing was checked yet: no messages, and the values shown are the model's, with the rows changed.
        ModelState.Clear();
        return Page();
    }

    /// <summary>The municipality chosen or typed by name, as its CBS code; one the user does not work for is refused here.</summary>
    private string? Municipality(string? typed, Dictionary<string, string> refused)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var found = Municipalities.FindByNameOrCode(typed);
        if (found is null)
        {
            refused["municipality"] = "Deze gemeente kennen we niet. Typ de naam zoals het CBS die schrijft, bijvoorbeeld ‘Maastricht’.";
            return null;
        }
        if (!User.ToActor().WorksFor(found.Code))
        {
            refused["municipality"] = $"U werkt niet voor {found.Name}; kies een van uw gemeenten.";
            return null;
        }
        return found.Code.Value;
    }

    private static int? HouseNumber(string? typed, int row, Dictionary<string, string> refused)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        refused[$"addresses[{row}].houseNumber"] = DutchMessages.ForBreach(new Breach(FieldRule.HouseNumber, ""));
        return null;
    }

    /// <summary>Registered, and at once whether its subjects are already known in other cases the user may see.</summary>
    private async Task<string> RegisteredNoticeAsync(RegisteredSignal registered, CancellationToken cancellationToken)
    {
        var notice = "Het signaal is geregistreerd.";
        if (registered.Case.SourceChannel == SourceChannel.MeldMisdaadAnoniem)
            notice += " Een signaal van Meld Misdaad Anoniem krijgt geen ontvangstcode: de terugkoppeling loopt via Meld Misdaad Anoniem.";
        var others = await related.ForAsync(registered.Case.Id, User.ToActor(), cancellationToken);
        var count = others.Select(o => o.Case.Id).Distinct().Count();
        if (count > 0)
            notice += $" Let op: de betrokkenen komen ook voor in {(count == 1 ? "1 andere zaak" : $"{count} andere zaken")}; zie ‘Verwante zaken’.";
        return notice;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The form field for an API field (persons[1].name → persoon-1-naam); the phenomenon tags are one field on the form.</summary>
    public static string FieldId(string field)
    {
        if (FieldIds.TryGetValue(field, out var id)) return id;
        if (field.StartsWith("phenomenonTags", StringComparison.Ordinal)) return "fenomenen";
        if (RowField().Match(field) is { Success: true } row && RowFieldIds.TryGetValue(row.Groups[3].Value, out var suffix)
            && RowPrefixes.TryGetValue(row.Groups[1].Value, out var prefix))
            return $"{prefix}-{row.Groups[2].Value}-{suffix}";
        return "omschrijving";
    }

    private static readonly IReadOnlyDictionary<string, string> FieldIds = new Dictionary<string, string>
    {
        ["municipality"] = "gemeente", ["sourceChannel"] = "bron", ["description"] = "omschrijving", ["severity"] = "zwaarte",
        ["reporter.name"] = "melder-naam", ["reporter"] = "melder-naam", ["reporter.contact"] = "melder-contact", ["branch"] = "branche",
        [ReceivedAt] = "ontvangen-datum", [ReceivedAtTime] = "ontvangen-tijd",
    };

    private static readonly IReadOnlyDictionary<string, string> RowPrefixes = new Dictionary<string, string>
    {
        ["persons"] = "persoon", ["companies"] = "bedrijf", ["addresses"] = "adres",
    };

    private static readonly IReadOnlyDictionary<string, string> RowFieldIds = new Dictionary<string, string>
    {
        ["name"] = "naam", ["birthDate"] = "geboortedatum", ["role"] = "rol", ["kvkNumber"] = "kvk", ["place"] = "plaats",
        ["postcode"] = "postcode", ["houseNumber"] = "huisnummer", ["houseNumberAddition"] = "toevoeging", ["street"] = "straat",
        ["city"] = "plaats",
    };

    [GeneratedRegex(@"^(persons|companies|addresses)\[([0-9]+)\]\.(\w+)$")]
    private static partial Regex RowField();

    /// <summary>The message for the first of <paramref name="fields"/> that was refused; a list field (phenomenonTags) covers its entries.</summary>
    public string? ErrorFor(params string[] fields) =>
        ViewData.ModelState.Where(e => e.Value is { Errors.Count: > 0 } && fields.Any(f => e.Key == f || e.Key.StartsWith(f + "[", StringComparison.Ordinal)))
            .Select(e => e.Value!.Errors[0].ErrorMessage).FirstOrDefault();

    public string? InvalidFor(params string[] fields) => ErrorFor(fields) is null ? null : "true";

    /// <summary>aria-describedby: the field's hint, and its error message when it was refused.</summary>
    public string? DescribedBy(string id, string? hint, params string[] fields) =>
        string.Join(' ', new[] { hint, ErrorFor(fields) is null ? null : $"{id}-fout" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

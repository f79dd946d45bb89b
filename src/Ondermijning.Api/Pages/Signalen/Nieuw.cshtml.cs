using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Signals;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Signalen;

/// <summary>The form an OOV adviser fills in when a signal comes in.</summary>
[RequiresPermission(Permission.RegisterSignal)]
public sealed class NieuwModel(RegisterSignal registerSignal, WorkflowCatalog catalog, IClock clock) : PageModel
{
    public sealed class Invoer
    {
        public string Gemeente { get; set; } = "GM0935";
        public string Bron { get; set; } = "";
        public string Omschrijving { get; set; } = "";
        public string? Branche { get; set; }
        public string? Fenomenen { get; set; }
        public string? Zwaarte { get; set; }
        public bool Anoniem { get; set; } = true;
        public string? MelderNaam { get; set; }
        public string? MelderContact { get; set; }
        public string? BedrijfNaam { get; set; }
        public string? KvkNummer { get; set; }
        public string? BedrijfPlaats { get; set; }
        public string? Postcode { get; set; }
        public int? Huisnummer { get; set; }
        public string? Toevoeging { get; set; }
        public string? Straat { get; set; }
        public string? Plaats { get; set; }
        public string? PersoonNaam { get; set; }
        public string? Geboortedatum { get; set; }
        public string? PersoonRol { get; set; }
    }

    [BindProperty]
    public Invoer Signaal { get; set; } = new();

    public IReadOnlyList<SeverityLevel> SeverityLevels => catalog.NewestApplying(catalog.DefaultWorkflow, Today).SeverityLevels;
    private LocalDate Today => clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;

    /// <summary>Form field ids per API field, so that an error lands next to its own field.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldIds = new Dictionary<string, string>
    {
        ["municipality"] = "gemeente", ["sourceChannel"] = "bron", ["description"] = "omschrijving", ["severity"] = "zwaarte",
        ["reporter.name"] = "melder-naam", ["reporter"] = "melder-naam",
        ["companies[0].name"] = "bedrijf-naam", ["companies[0].kvkNumber"] = "kvk",
        ["addresses[0].postcode"] = "postcode", ["addresses[0].houseNumber"] = "huisnummer",
        ["persons[0].name"] = "persoon-naam", ["persons[0].birthDate"] = "geboortedatum",
        ["branch"] = "branche", ["reporter.contact"] = "melder-contact", ["companies[0].place"] = "bedrijf-plaats",
        ["addresses[0].houseNumberAddition"] = "toevoeging", ["addresses[0].street"] = "straat", ["addresses[0].city"] = "plaats",
        ["persons[0].role"] = "persoon-rol",
    };

    /// <summary>The form field for an API field; the phenomenon tags are one field on the form, a list in the API.</summary>
    public static string FieldId(string field) =>
        FieldIds.GetValueOrDefault(field) ?? (field.StartsWith("phenomenonTags", StringComparison.Ordinal) ? "fenomenen" : "omschrijving");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var s = Signaal;
        var hasAddress = !string.IsNullOrWhiteSpace(s.Postcode) || s.Huisnummer is not null;
        var request = new RegisterSignalRequest(
            s.Gemeente, s.Bron, s.Omschrijving,
            new ReporterRequest(s.Anoniem, s.Anoniem ? null : s.MelderNaam, s.Anoniem ? null : s.MelderContact),
            s.Branche,
            (s.Fenomenen ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            s.Zwaarte,
            string.IsNullOrWhiteSpace(s.PersoonNaam) && string.IsNullOrWhiteSpace(s.Geboortedatum) ? [] : [new PersonRequest(s.PersoonNaam, NullIfEmpty(s.Geboortedatum), NullIfEmpty(s.PersoonRol))],
            string.IsNullOrWhiteSpace(s.BedrijfNaam) && string.IsNullOrWhiteSpace(s.KvkNummer) ? [] : [new CompanyRequest(s.BedrijfNaam, NullIfEmpty(s.KvkNummer), NullIfEmpty(s.BedrijfPlaats))],
            hasAddress ? [new AddressRequest(s.Postcode, s.Huisnummer, NullIfEmpty(s.Toevoeging), NullIfEmpty(s.Straat), NullIfEmpty(s.Plaats))] : []);
        try
        {
            var registered = await registerSignal.HandleAsync(request.ToSignal(Today), User.ToActor(), cancellationToken: cancellationToken);
            TempData["Melding"] = "Het signaal is geregistreerd.";
            // Shown once, on the next page only: the database keeps only a hash of it.
            TempData["Ontvangstcode"] = registered.Receipt?.ToString();
            return Redirect($"/zaken/{registered.Case.Id}");
        }
        catch (EngineProblem problem) when (problem.Errors.Count > 0)
        {
            foreach (var (field, message) in DutchMessages.ForFields(problem, DutchMessages.ForSignalField)) ModelState.AddModelError(field, message);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The message for the first of <paramref name="fields"/> that was refused; a list field (phenomenonTags) covers its entries.</summary>
    public string? ErrorFor(params string[] fields) =>
        ViewData.ModelState.Where(e => e.Value is { Errors.Count: > 0 } && fields.Any(f => e.Key == f || e.Key.StartsWith(f + "[", StringComparison.Ordinal)))
            .Select(e => e.Value!.Errors[0].ErrorMessage).FirstOrDefault();

    public string? InvalidFor(params string[] fields) => ErrorFor(fields) is null ? null : "true";

    /// <summary>aria-describedby: the field's hint, and its error message when it was refused.</summary>
    public string? DescribedBy(string id, string? hint, params string[] fields) =>
        string.Join(' ', new[] { hint, ErrorFor(fields) is null ? null : $"{id}-fout" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Handhaving;

/// <summary>
/// What every register of the work parallel to the chain shares: the filter on year and municipality, the pages of the
/// list, and a form whose refusals stand in Dutch next to their field while what was typed stays.
/// </summary>
public abstract class RegisterPageModel(CaseCodes codes, IClock clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The address of the register, for the filter, the pages and the redirect after saving.</summary>
    public abstract string Adres { get; }
    public abstract string Titel { get; }

    public Actor Actor => User.ToActor();
    public IReadOnlyList<MunicipalityCode> Gemeenten => Actor.Municipalities.OrderBy(m => Municipalities.NameOf(m), StringComparer.Ordinal).ToList();
    public MunicipalityCode Gemeente { get; private set; }
    /// <summary>Null: every year.</summary>
    public int? Jaar { get; private set; }
    public int Pagina { get; private set; } = 1;
    public int Totaal { get; protected set; }
    public bool MagVastleggen => Actor.HasRoleFor(Permission.RecordEnforcement);
    public LocalDate Vandaag => clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;
    public string VandaagIso => LocalDatePattern.Iso.Format(Vandaag);

    public Dictionary<string, string> FilterFouten { get; } = [];
    /// <summary>Per field of the form (by the engine's field name), the Dutch message shown next to it.</summary>
    public Dictionary<string, string> Fouten { get; private set; } = [];
    public string? FormulierFout { get; private set; }
    /// <summary>What was typed in the form, by the engine's field name, so that nothing typed is lost.</summary>
    public Dictionary<string, string?> Getypt { get; } = [];

    public string? Waarde(string field) => Getypt.GetValueOrDefault(field);
    public string? AriaOngeldig(string field) => Fouten.ContainsKey(field) ? "true" : null;
    public string? BeschrevenDoor(string field) => Fouten.ContainsKey(field) ? $"{field}-fout" : null;

    public IHtmlContent Fout(string field) => Fouten.TryGetValue(field, out var message)
        ? new HtmlContentBuilder().AppendHtml($"<span id=\"{field}-fout\" class=\"field-error\">").Append(message).AppendHtml("</span>")
        : HtmlString.Empty;

    public string Link(int? jaar, int pagina = 1) =>
        $"{Adres}?jaar={(jaar?.ToString() ?? "alle")}&gemeente={Gemeente.Value}{(pagina > 1 ? $"&pagina={pagina}" : "")}";

    /// <summary>The years a user picks from: this one and the ten before it; other years by address.</summary>
    public IEnumerable<int> Jaren => Enumerable.Range(0, 11).Select(i => Vandaag.Year - i);

    /// <summary>The Dutch message for a field the engine refused without naming a rule of its own.</summary>
    protected abstract string Toelichting(string field);

    protected abstract Task LoadListAsync(EnforcementQuery query, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(string? jaar, string? gemeente, string? pagina, string? zaak, CancellationToken cancellationToken)
    {
        Getypt["caseId"] = zaak;
        await LoadAsync(jaar, gemeente, pagina, cancellationToken);
        return Page();
    }

    /// <summary>
    /// Reads the filter: the year in progress unless another (or "alle") is chosen, the first of the user's municipalities
    /// unless another of theirs is. A value that is neither is said next to the filter, and the default shown.
    /// </summary>
    private async Task LoadAsync(string? jaar, string? gemeente, string? pagina, CancellationToken cancellationToken)
    {
        Jaar = Vandaag.Year;
        if (jaar?.Trim() is "alle") Jaar = null;
        else if (!string.IsNullOrWhiteSpace(jaar))
        {
            var f = new Fields();
            if (int.TryParse(jaar.Trim(), out var year) && f.OptionalYear(year, "jaar") is { } valid) Jaar = valid;
            else FilterFouten["jaar"] = $"Kies een jaar tussen {DateRule.Earliest.Year} en {DateRule.Latest.Year}.";
        }
        Gemeente = Gemeenten.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(gemeente))
        {
            if (OwnMunicipality(gemeente) is { } chosen) Gemeente = chosen;
            else FilterFouten["gemeente"] = "Kies een van uw gemeenten.";
        }
        Pagina = int.TryParse(pagina, out var number) && number >= 1 ? number : 1;
        await LoadListAsync(new EnforcementQuery(Gemeente, Jaar, Pagina, PageSize), cancellationToken);
    }

    private MunicipalityCode? OwnMunicipality(string? text) =>
        MunicipalityCode.TryParse(text, out var code) && Actor.WorksFor(code) ? code : null;

    /// <summary>
    /// Saves one record: <paramref name="save"/> reads the fields into the engine's details (the municipality and case
    /// already read here), calls <see cref="Fields.ThrowIfAny"/> and records it, answering the date it counts on; then
    /// back to the list of that year. A refusal shows the page again with each message at its field.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(string? gemeente, string? zaak, string done,
        Func<RequestFields, MunicipalityCode, CaseId?, Task<LocalDate>> save, CancellationToken cancellationToken)
    {
        Getypt["municipality"] = gemeente;
        Getypt["caseId"] = zaak;
        var f = new RequestFields();
        var municipality = OwnMunicipality(gemeente);
        if (municipality is null) f.Error("municipality", new Breach(FieldRule.Municipality, MunicipalityCode.Rule));
        CaseId? caseId = null;
        if (!string.IsNullOrWhiteSpace(zaak))
        {
            if (TextRule.Check(zaak, Limits.Code, TextKind.SingleLine, out _) is { } breach) f.Error("caseId", breach);
            else if ((caseId = await codes.ResolveAsync(zaak, cancellationToken)) is null)
                f.Error("caseId", "Geen zaak van uw gemeente(n) met deze zaakcode of dit id.");
        }
        try
        {
            var date = await save(f, municipality ?? default, caseId);
            TempData["Melding"] = done;
            return Redirect($"{Adres}?jaar={date.Year}&gemeente={municipality!.Value.Value}");
        }
        catch (EngineProblem problem)
        {
            return await RefusedAsync(problem, municipality?.Value, null, cancellationToken);
        }
    }

    /// <summary>
    /// The page again after a refusal: each field's message next to it, and one line above the form that says what
    /// happened (<paramref name="general"/> where the refusal names no field and is not about the role).
    /// </summary>
    protected async Task<IActionResult> RefusedAsync(EngineProblem problem, string? gemeente, string? general, CancellationToken cancellationToken)
    {
        Fouten = DutchMessages.ForFields(problem, field => field == "caseId" ? "Koppel een zaak van dezelfde gemeente." : Toelichting(field));
        FormulierFout = problem.Kind switch
        {
            ProblemKind.Forbidden => "U mag dit niet vastleggen; dat doet een OOV-regisseur.",
            _ when Fouten.Count > 0 => "Niet alles is goed ingevuld. Zie de meldingen bij de velden.",
            _ => general ?? DutchMessages.ForProblem(problem),
        };
        await LoadAsync(null, gemeente, null, cancellationToken);
        Response.StatusCode = problem.Kind == ProblemKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

/// <summary>A register whose list holds records of one kind.</summary>
public abstract class RegisterPageModel<TRecord>(CaseCodes codes, IClock clock, EnforcementRecords records) : RegisterPageModel(codes, clock)
{
    public IReadOnlyList<TRecord> Records { get; private set; } = [];

    protected abstract Func<EnforcementRecords, EnforcementQuery, Actor, CancellationToken, Task<Page<TRecord>>> List { get; }

    protected override async Task LoadListAsync(EnforcementQuery query, CancellationToken cancellationToken)
    {
        var page = await List(records, query, Actor, cancellationToken);
        (Records, Totaal) = (page.Items, page.TotalCount);
    }
}

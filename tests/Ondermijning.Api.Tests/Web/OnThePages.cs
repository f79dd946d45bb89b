using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace Ondermijning.Api.Tests.Web;

/// <summary>A signal as a person types it on the new-signal form.</summary>
public sealed record SignalOnTheForm(string Municipality, string Channel, string Description, string Severity, LocalDate ReceivedOn,
    string Person, string CompanyName, string KvkNumber, string Postcode, string HouseNumber, string? Reporter = null);

/// <summary>An ATOM inspection as the agenda's inspection fields take it.</summary>
public sealed record InspectionOnTheAgenda(LocalDate On, string Location, string Organisation, IReadOnlyList<string> Outcomes, string? OtherOutcome);

/// <summary>An intervention the MOT decides: the kind's code and label, its type, who executes it.</summary>
public sealed record DecidedIntervention(string Kind, string Label, string Type, string ExecutingOrganisation);

/// <summary>
/// One user's browser on the pages, with one method per thing that user does there. It signs in its own context, so
/// several users can work side by side in one test, and takes a full-page screenshot of each page it does something on,
/// named after the page and the user.
/// </summary>
public sealed class OnThePages(IBrowserContext context, IPage page, Uri address, string user, bool isTab = false) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public static async Task<OnThePages> OpenAsync(Browser browser, Uri address, string user)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        return new OnThePages(context, await context.NewPageAsync(), address, user);
    }

    /// <summary>A second tab of this signed-in user, for pages looked at side by side; disposing it closes only the tab.</summary>
    public async Task<OnThePages> NewTabAsync() => new(context, await context.NewPageAsync(), address, user, isTab: true);

    public ValueTask DisposeAsync() => new(isTab ? Page.CloseAsync() : context.CloseAsync());

    public Task Open(string path) => Page.GotoAsync(new Uri(address, path).ToString());

    /// <summary>Signs in by the button on the sign-in page, as a person does.</summary>
    public async Task SignInAs(string name)
    {
        await Open("/inloggen");
        await Screenshot("inloggen");
        await Button($"Inloggen als {name}").ClickAsync();
        await Page.ArrivedAtAsync(new Uri(address, "/").ToString());
    }

    public Task Screenshot(string page) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath($"{page}-{user}"), FullPage = true });

    /// <summary>
    /// Waits as long as Playwright waits for an action, not an assertion's 5 s: beside other tests on two cores, a form's
    /// post, redirect and page can take longer.
    /// </summary>
    public static Task Shows(ILocator where, string text) =>
        Expect(where).ToContainTextAsync(text, new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    /// <summary>The page's notice after a form was saved; waits for it to say <paramref name="expected"/>.</summary>
    public async Task<string> Notice(string expected)
    {
        var notice = Page.GetByRole(AriaRole.Status).First;
        await Shows(notice, expected);
        return (await notice.TextContentAsync())!.Trim();
    }

    /// <summary>Registers the signal on /signalen/nieuw and returns the case's id from the case page it lands on.</summary>
    public async Task<string> RegisterSignalOnTheForm(SignalOnTheForm signal)
    {
        await Open("/signalen/nieuw");
        await Page.GetByLabel("Gemeente", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = signal.Municipality });
        await Page.GetByLabel("Hoe kwam het signaal binnen?").SelectOptionAsync(signal.Channel);
        await Page.GetByLabel("Omschrijving").FillAsync(signal.Description);
        await Page.GetByLabel("Zwaarte").SelectOptionAsync(signal.Severity);
        await Page.GetByLabel("Datum van ontvangst").FillAsync(Iso(signal.ReceivedOn));
        if (signal.Reporter is { } reporter)
        {
            await Page.GetByLabel("Anoniem").UncheckAsync();
            await Page.GetByLabel("Naam melder").FillAsync(reporter);
        }
        await Page.Locator("#persoon-0-naam").FillAsync(signal.Person);
        await Page.Locator("#bedrijf-0-naam").FillAsync(signal.CompanyName);
        await Page.Locator("#bedrijf-0-kvk").FillAsync(signal.KvkNumber);
        await Page.Locator("#adres-0-postcode").FillAsync(signal.Postcode);
        await Page.Locator("#adres-0-huisnummer").FillAsync(signal.HouseNumber);
        await Screenshot("nieuw-signaal");
        await Button("Signaal registreren").ClickAsync();
        await Page.ArrivedAtAsync("**/zaken/*");
        await Notice("Het signaal is geregistreerd.");
        await Screenshot("zaak-geregistreerd");
        return Page.Url.Split('/')[^1];
    }

    /// <summary>The code a case goes by on the pages: the last eight characters of its id.</summary>
    public static string Code(string caseId) => caseId.Replace("-", "")[^8..].ToUpperInvariant();

    private ILocator Step(string trigger) => Page.Locator($"#stap-{trigger}");

    public async Task OpenStep(string trigger)
    {
        if (await Step(trigger).GetAttributeAsync("open") is null) await Step(trigger).Locator("summary").ClickAsync();
    }

    /// <summary>Why a step on the case page cannot be taken now, or null when it can.</summary>
    public async Task<string?> WhyNot(string trigger)
    {
        var why = Step(trigger).GetByTestId("waarom-niet");
        return await why.CountAsync() == 0 ? null : await why.TextContentAsync();
    }

    /// <summary>Takes a step on the case page, with its reason; returns the notice.</summary>
    public async Task<string> TakeStep(string caseId, string trigger, string expectedNotice, string? reason = null)
    {
        await Open($"/zaken/{caseId}");
        await OpenStep(trigger);
        if (reason is not null) await Step(trigger).GetByLabel("Reden", new LocatorGetByLabelOptions { Exact = false }).FillAsync(reason);
        await Step(trigger).GetByRole(AriaRole.Button).ClickAsync();
        return await Notice(expectedNotice);
    }

    /// <summary>Starts the enrichment and asks the registers that are switched on.</summary>
    public async Task RunEnrichment(string caseId)
    {
        await TakeStep(caseId, "start-verrijking", "Verrijking met open bronnen");
        await Button("Registers nu bevragen").ClickAsync();
        await Notice("De registers zijn bevraagd");
    }

    public async Task AddFinding(string source, string about, string found, LocalDate seenOn)
    {
        await Page.Locator("summary", new PageLocatorOptions { HasText = "Bevinding toevoegen" }).ClickAsync();
        await Page.GetByLabel("Bron", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(source);
        await Page.GetByLabel("Over wie of wat (optioneel)").FillAsync(about);
        await Page.GetByLabel("Wat is gevonden").FillAsync(found);
        await Page.GetByLabel("Datum van de publicatie of waarneming").FillAsync(Iso(seenOn));
        await Button("Bevinding toevoegen").ClickAsync();
        await Notice("De bevinding is toegevoegd.");
    }

    /// <summary>Decides "bevestigd" on the findings whose label starts with <paramref name="finding"/>.</summary>
    public async Task ConfirmEnrichment(string finding, string reason)
    {
        await OpenStep("bevestigd-naar-lwo");
        await Step("bevestigd-naar-lwo").GetByLabel(finding, new LocatorGetByLabelOptions { Exact = false }).CheckAsync();
        await Step("bevestigd-naar-lwo").GetByLabel("Reden (optioneel)").FillAsync(reason);
        await Screenshot("zaak-verrijking");
        await Step("bevestigd-naar-lwo").GetByRole(AriaRole.Button).ClickAsync();
        await Notice("Weging in de LWO");
    }

    /// <summary>A row of a table's agenda, found by the case's code whatever subject it is named by.</summary>
    private ILocator Decision(string caseId, string field) => Page.GetByLabel(new Regex($"^{field} voor zaak {Code(caseId)}\\b"));

    /// <summary>Opens a table's agenda and chooses the step (and reason) for the case; the caller fills what the step needs.</summary>
    public async Task ChooseOnAgenda(string table, string caseId, string step, string reason, LocalDate? meeting)
    {
        await Open($"/tafels/{table}");
        if (meeting is { } date) await Page.GetByLabel("Datum van het overleg").FillAsync(Iso(date));
        await Decision(caseId, "Besluit").SelectOptionAsync(step);
        await Decision(caseId, "Reden").FillAsync(reason);
    }

    /// <summary>Submits the agenda and returns what the sitting's success notice says.</summary>
    public async Task<string> RecordDecisions(string table)
    {
        await Button("Besluiten vastleggen").ClickAsync();
        var done = Page.Locator(".uitslag.gelukt");
        await done.WaitForAsync();
        await Screenshot($"agenda-{table}-vastgelegd");
        return (await done.TextContentAsync())!;
    }

    public async Task<string> DecideAtLwo(string caseId, string step, LocalDate meeting, string reason)
    {
        await ChooseOnAgenda("lwo", caseId, step, reason, meeting);
        return await RecordDecisions("lwo");
    }

    /// <summary>The ATOM's one entry: the inspection with its outcomes, and the step it leads to.</summary>
    public async Task<string> InspectAtAtom(string caseId, string step, string reason, InspectionOnTheAgenda inspection)
    {
        await ChooseOnAgenda("atom", caseId, step, reason, meeting: null);
        var fields = Page.Locator("fieldset.controle");
        await fields.GetByLabel("Datum van de controle").FillAsync(Iso(inspection.On));
        await fields.GetByLabel("Gecontroleerde locatie").FillAsync(inspection.Location);
        await fields.GetByLabel(inspection.Organisation, new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        foreach (var outcome in inspection.Outcomes) await fields.Locator($"input[value='{outcome}']").CheckAsync();
        if (inspection.OtherOutcome is { } other) await fields.GetByLabel("Andere uitkomst (bij ‘overig’)").FillAsync(other);
        return await RecordDecisions("atom");
    }

    /// <summary>The MOT sitting decides interventions; each is dated by the sitting.</summary>
    public async Task<string> DecideInterventionsAtMot(string caseId, LocalDate sitting, string reason, IReadOnlyList<DecidedIntervention> interventions)
    {
        await ChooseOnAgenda("mot", caseId, "interventies-besloten", reason, sitting);
        for (var i = 0; i < interventions.Count; i++)
        {
            await Page.GetByLabel($"Interventie {i + 1}: soort").SelectOptionAsync(interventions[i].Kind);
            await Page.GetByLabel($"Interventie {i + 1}: uitvoerende organisatie").FillAsync(interventions[i].ExecutingOrganisation);
        }
        return await RecordDecisions("mot");
    }

    private ILocator Intervention(string label) => Page.Locator("table.interventies tbody tr", new PageLocatorOptions { HasText = label });

    /// <summary>Marks an intervention on the case page executed or dropped ("dropped"), with a date and a note.</summary>
    public async Task MarkIntervention(string label, string status, LocalDate on, string note)
    {
        var row = Intervention(label);
        await row.GetByLabel("Nieuwe stand", new LocatorGetByLabelOptions { Exact = false }).SelectOptionAsync(status);
        await row.GetByLabel("Datum").FillAsync(Iso(on));
        await row.GetByLabel("Toelichting (optioneel)").FillAsync(note);
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Stand vastleggen" }).ClickAsync();
        await Notice(status == "dropped" ? "als vervallen gemarkeerd" : "als uitgevoerd gemarkeerd");
    }

    /// <summary>Adds information to the case on its page, under the gate the user's organisation may add it under.</summary>
    public async Task AddInformation(string caseId, string category, string legalBasis, string content)
    {
        await Open($"/zaken/{caseId}");
        var form = Page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Informatie toevoegen" });
        await form.GetByLabel("Soort bron").SelectOptionAsync(category);
        await form.GetByLabel("Grondslag").FillAsync(legalBasis);
        await form.GetByLabel("Inhoud").FillAsync(content);
        await Screenshot("zaak-informatie-toevoegen");
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Informatie toevoegen" }).ClickAsync();
        await Shows(Page.Locator("section[aria-labelledby=informatie]"), content);
    }

    public async Task GiveFeedback(string caseId, string text)
    {
        await Open($"/zaken/{caseId}");
        await Page.GetByLabel("Tekst die de melder met de ontvangstcode ziet").FillAsync(text);
        await Button("Terugkoppeling opslaan").ClickAsync();
        await Shows(Page.GetByTestId("gegeven-terugkoppeling"), text);
        await Screenshot("zaak-terugkoppeling");
    }

    /// <summary>Fills a register's form on its /handhaving page (municipality by name), saves it, and waits for the notice.</summary>
    public async Task RecordOnRegister(string register, string form, string municipality, Func<ILocator, Task> fill, string save, string saved)
    {
        await Open($"/handhaving/{register}");
        var region = Page.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = form });
        await region.GetByLabel("Gemeente").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await fill(region);
        await region.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = save }).ClickAsync();
        await Notice(saved);
        await Screenshot($"handhaving-{register}");
    }

    /// <summary>The yearly table on /statistieken for a municipality and year, chosen on the page's filters, by figure id.</summary>
    public async Task<Dictionary<string, long>> AnnualFigures(string municipality, int year)
    {
        await Open("/statistieken");
        var filters = Page.GetByRole(AriaRole.Form, new PageGetByRoleOptions { Name = "Periode en gebied" });
        await filters.GetByLabel("Gebied").SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await filters.GetByLabel("Jaar").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await filters.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Tonen" }).ClickAsync();
        // The page opens on this year already, so it is the filters in the address that say the chosen table is shown.
        await Page.ArrivedAtAsync(new Regex($"/statistieken\\?gebied=[^&]+&jaar={year}"));
        await Shows(Page.Locator("h1"), $"jaaroverzicht {year}");
        await Screenshot("statistieken");
        var figures = new Dictionary<string, long>();
        foreach (var row in await Page.Locator("table.stats tr[data-id]").AllAsync())
            figures[(await row.GetAttributeAsync("data-id"))!] =
                long.Parse((await row.Locator("td.num").TextContentAsync())!.Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        return figures;
    }

    public static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Statistics;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// Issue 18's acceptance: each user does the whole job on the pages, in Chromium, and the API only checks what the pages
/// stored. The host is fresh, so Maastricht's 2025 holds nothing but what a test does there: the regisseur's statistics
/// follow from the steps taken, not from totals copied from a run. The year is 2025, where the chain's version 2 lets the
/// ATOM send its findings back to the LWO, so one case meets all three tables.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
[LongRunning(seconds: 40)]
public class WholeJobOnThePagesTests(Browser browser) : IAsyncLifetime, IClassFixture<Browser>
{
    private const string Maastricht = "Maastricht";
    private const string Regisseur = "Demo OOV-regisseur";
    private readonly ApiFactory _service = new(clock: new FakeClock(Instant.FromUtc(2025, 2, 3, 8, 0))) { DemoUsers = true };
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _address = _service.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<OnThePages> SignedIn(string name, string user)
    {
        var pages = await OnThePages.OpenAsync(browser, _address, user);
        await pages.SignInAs(name);
        return pages;
    }

    private void AdvanceTo(LocalDate day) =>
        _service.Clock.Reset(day.At(new LocalTime(9, 0)).InZoneStrictly(Ondermijning.Engine.Common.Amsterdam.Zone).ToInstant());

    private static SignalOnTheForm Signal(string channel, string description, string? reporter = null) => new(
        Maastricht, channel, description, "hoog", new LocalDate(2025, 1, 28), "J. Jansen", "Kapsalon De Schaar", "12345678", "6211 AB", "12", reporter);

    /// <summary>The regisseur's part before the tables: the signal confirmed by a finding found by hand.</summary>
    private static async Task<string> RegisterAndConfirm(OnThePages oov, SignalOnTheForm signal)
    {
        var id = await oov.RegisterSignalOnTheForm(signal);
        await oov.RunEnrichment(id);
        (await oov.WhyNot("bevestigd-naar-lwo")).Should().Contain("er zijn nog geen bevindingen");
        await oov.AddFinding("kadaster", "Grote Straat 12, Maastricht", "Eigenaar volgens BRK-uittreksel: Vastgoed BV Zuid, sinds 2 maanden", new LocalDate(2025, 2, 2));
        await oov.ConfirmEnrichment("Kadaster: ", "Recente eigendomswisseling bevestigt het signaal");
        return id;
    }

    [Fact]
    public async Task The_regisseur_does_the_whole_job_on_the_pages_and_the_statistics_page_shows_exactly_what_was_done()
    {
        await using var oov = await SignedIn(Regisseur, "regisseur");
        var signal = Signal("bewonersgesprek", "Bewoner vertelt tijdens ONDERSCHAT over veel aanloop bij een kapsalon");
        var id = await RegisterAndConfirm(oov, signal);
        (await oov.Page.Locator("section[aria-labelledby=informatie]").TextContentAsync())
            .Should().Contain("Vastgoed BV Zuid").And.Contain("waargenomen op 2 februari 2025", "the finding travels as an item, dated in Dutch");
        var api = _service.CreateClient();
        var stored = await api.GetCaseAsync(id);
        (stored.Str("municipality"), stored.Str("sourceChannel"), stored.Str("severity.id")).Should().Be(("GM0935", signal.Channel, signal.Severity));
        stored["persons"]!.AsArray().Select(p => p!.Str("name")).Should().Equal(signal.Person);
        (stored["companies"]![0]!.Str("name"), stored["companies"]![0]!.Str("kvkNumber")).Should().Be((signal.CompanyName, signal.KvkNumber));
        (stored["addresses"]![0]!.Str("postcode"), stored["addresses"]![0]!.Int("houseNumber").ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(("6211AB", signal.HouseNumber));
        stored.Str("receivedAt").Should().StartWith("2025-01-2");

        // The LWO sends it to the ATOM; the ATOM inspects, records its outcomes and sends the findings back to the LWO,
        // which sends it on to the MOT.
        var lwoSteps = new List<string>();
        async Task Lwo(string step, LocalDate meeting, string reason)
        {
            (await oov.DecideAtLwo(id, step, meeting, reason)).Should().Contain("1 besluit vastgelegd").And.Contain(OnThePages.Code(id));
            lwoSteps.Add(step);
        }
        await Lwo("naar-atom", new LocalDate(2025, 2, 3), "Integrale controle nodig");
        var inspection = new InspectionOnTheAgenda(new LocalDate(2025, 2, 14), "Grote Straat 12, Maastricht", "NVWA (ketenpartner)",
            ["last-onder-dwangsom", "handhaving-wabo", "overig"], "Hennepkwekerij aangetroffen en geruimd");
        AdvanceTo(new LocalDate(2025, 2, 20));
        (await oov.InspectAtAtom(id, "atom-herweging", "Hennepkwekerij op zolder; LWO weegt opnieuw", inspection)).Should().Contain("Bevindingen terug naar de LWO");
        await Lwo("naar-mot", new LocalDate(2025, 2, 20), "Concrete aanwijzingen voor georganiseerde criminaliteit");

        // The MOT decides three interventions; one is executed, one dropped, then the third executed, and closing is offered.
        var sitting = new LocalDate(2025, 6, 30);
        AdvanceTo(new LocalDate(2025, 7, 10));
        DecidedIntervention[] decided =
        [
            new("sluiting-13b-opiumwet", "Sluiting pand", "bestuurlijk", "Gemeente (OOV)"),
            new("strafrechtelijk-onderzoek", "Strafrechtelijk onderzoek", "strafrechtelijk", "Politie"),
            new("boekenonderzoek", "Boekenonderzoek", "fiscaal", "Belastingdienst"),
        ];
        (await oov.DecideInterventionsAtMot(id, sitting, "Integrale aanpak: bestuurlijk, strafrechtelijk en fiscaal", decided)).Should().Contain("Interventies besloten");
        var marked = new Dictionary<string, (string Status, LocalDate On, string Note)>
        {
            ["sluiting-13b-opiumwet"] = ("executed", new LocalDate(2025, 7, 7), "Pand gesloten voor zes maanden"),
            ["strafrechtelijk-onderzoek"] = ("dropped", new LocalDate(2025, 7, 8), "Verdachte overleden; onderzoek gestaakt"),
            ["boekenonderzoek"] = ("executed", new LocalDate(2025, 7, 9), "Naheffing opgelegd"),
        };
        await oov.Open($"/zaken/{id}");
        (await oov.WhyNot("afsluiten")).Should().Contain($"zijn nog {decided.Length} interventies gepland");
        foreach (var intervention in decided)
        {
            var (status, on, note) = marked[intervention.Kind];
            await oov.MarkIntervention(intervention.Label, status, on, note);
        }
        (await oov.WhyNot("afsluiten")).Should().BeNull("every intervention is executed or dropped");
        await oov.Screenshot("zaak-interventies");
        (await oov.TakeStep(id, "afsluiten", "Afgesloten", "Sluiting uitgevoerd en boekenonderzoek afgerond")).Should().Contain("Afgesloten");
        await oov.Screenshot("zaak-afgesloten");

        // The work beside the chain, each on its register page.
        var bibob = (Date: new LocalDate(2025, 3, 11), Kind: "in-depth", Outcome: "permit-or-manager-refused");
        await oov.RecordOnRegister("bibob", "Bibob-screening vastleggen", Maastricht, async form =>
        {
            await form.GetByLabel("Datum van de uitkomst").FillAsync(OnThePages.Iso(bibob.Date));
            await form.GetByLabel("Soort screening").SelectOptionAsync(new SelectOptionValue { Label = "Verdiepend onderzoek" });
            await form.GetByLabel("Vergunning (bijvoorbeeld horeca of exploitatie)").FillAsync("Exploitatievergunning horeca");
            await form.GetByLabel("Uitkomst", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vergunning of leidinggevende geweigerd" });
        }, "Screening vastleggen", "De Bibob-screening is vastgelegd.");
        var closure = new LocalDate(2025, 4, 1);
        await oov.RecordOnRegister("sluitingen", "Sluiting vastleggen", Maastricht, async form =>
        {
            await form.GetByLabel("Eerste dag van de sluiting").FillAsync(OnThePages.Iso(closure));
            await form.GetByLabel("Pand (adres)").FillAsync("Grote Straat 12, Maastricht");
            await form.GetByLabel("Duur in maanden (leeg: onbepaalde tijd)").FillAsync("6");
        }, "Sluiting vastleggen", "De sluiting is vastgelegd.");
        var penalty = (Date: new LocalDate(2025, 4, 15), Party: "seller");
        await oov.RecordOnRegister("straathandel", "Dwangsom vastleggen", Maastricht, async form =>
        {
            await form.GetByLabel("Datum van oplegging").FillAsync(OnThePages.Iso(penalty.Date));
            await form.GetByLabel("Opgelegd aan").SelectOptionAsync(new SelectOptionValue { Label = "Verkoper" });
        }, "Dwangsom vastleggen", "De dwangsom is vastgelegd.");
        var awareness = (Date: new LocalDate(2025, 5, 17), Kind: "action-day", Conversations: 23);
        await oov.RecordOnRegister("bewustwording", "Activiteit vastleggen", Maastricht, async form =>
        {
            await form.GetByLabel("Datum", new LocatorGetByLabelOptions { Exact = true }).FillAsync(OnThePages.Iso(awareness.Date));
            await form.GetByLabel("Soort activiteit").SelectOptionAsync(new SelectOptionValue { Label = "Actiedag onder inwoners" });
            await form.GetByLabel("Programma (bijvoorbeeld ONDERSCHAT)").FillAsync("ONDERSCHAT");
            await form.GetByLabel("Aantal gesprekken met inwoners").FillAsync(awareness.Conversations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }, "Activiteit vastleggen", "De activiteit is vastgelegd.");
        var study = (Date: new LocalDate(2025, 6, 2), Subject: "area");
        await oov.RecordOnRegister("fenomeenonderzoek", "Fenomeenonderzoek starten", Maastricht, async form =>
        {
            await form.GetByLabel("Het onderzoek gaat over een").SelectOptionAsync(new SelectOptionValue { Label = "Gebied (vier postcodecijfers)" });
            await form.GetByLabel("Onderwerp (branche, vier postcodecijfers of doelgroep)").FillAsync("6211");
            await form.GetByLabel("Aanleiding").SelectOptionAsync(new SelectOptionValue { Label = "Besproken in de MOT" });
            await form.GetByLabel("Startdatum").FillAsync(OnThePages.Iso(study.Date));
        }, "Onderzoek starten", "Het fenomeenonderzoek is vastgelegd.");

        // What the pages stored, read through the API.
        (await api.GetCaseAsync(id)).Str("stage.id").Should().Be("afgesloten");
        var decisions = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/enrichment/decisions"))!;
        decisions.Should().ContainSingle().Which!["confirmed"]!.GetValue<bool>().Should().BeTrue();
        var findings = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/findings"))!;
        findings.Should().ContainSingle().Which!.Str("source").Should().Be("kadaster");
        var inspections = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/atom-inspections"))!;
        var atom = inspections.Should().ContainSingle().Subject!;
        (atom.Str("inspectedOn"), atom.Str("location"), atom.Str("otherOutcome")).Should().Be((OnThePages.Iso(inspection.On), inspection.Location, inspection.OtherOutcome!));
        atom["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).Should().BeEquivalentTo(inspection.Outcomes);
        atom["organisations"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Contain(inspection.Organisation);
        var interventions = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/interventions"))!.ToDictionary(i => i!.Str("subtypeCode"), i => i!);
        interventions.Keys.Should().BeEquivalentTo(decided.Select(d => d.Kind));
        foreach (var d in decided)
        {
            var i = interventions[d.Kind];
            (i.Str("type"), i.Str("executingOrganisation"), i.Str("decidedOn")).Should().Be((d.Type, d.ExecutingOrganisation, OnThePages.Iso(sitting)));
            var (status, on, note) = marked[d.Kind];
            (i.Str("status"), i.Str(status == "dropped" ? "droppedOn" : "executedOn"), i.Str("note")).Should().Be((status, OnThePages.Iso(on), note));
        }
        var bibobStored = (await api.GetFromJsonAsync<JsonObject>("/api/bibob-screenings?municipality=GM0935&year=2025"))!["items"]!.AsArray();
        (bibobStored.Should().ContainSingle().Subject!.Str("kind"), bibobStored[0]!.Str("outcome")).Should().Be((bibob.Kind, bibob.Outcome));

        // The statistics page for 2025: every figure follows from the steps above; what the run did not touch is zero.
        var notDropped = decided.Where(d => marked[d.Kind].Status != "dropped").ToList();
        var reachedLwo = lwoSteps.Count > 0;
        var expected = new Dictionary<string, long>
        {
            ["signalen.ontvangen"] = 1,
            [$"signalen.{signal.Channel}"] = 1,
            ["lwo.behandeld"] = reachedLwo ? 1 : 0,
            ["lwo.atom"] = lwoSteps.Count(s => s == "naar-atom"),
            ["lwo.mot"] = lwoSteps.Count(s => s == "naar-mot"),
            ["mot.casussen"] = lwoSteps.Count(s => s == "naar-mot"),
            ["atom.locaties"] = 1,
            ["atom.last-onder-dwangsom"] = inspection.Outcomes.Count(o => o == "last-onder-dwangsom"),
            ["atom.handhaving-wabo"] = inspection.Outcomes.Count(o => o == "handhaving-wabo"),
            ["atom.overig"] = inspection.Outcomes.Count(o => o == "overig"),
            ["mot.bestuurlijk"] = notDropped.Count(d => d.Type == "bestuurlijk"),
            ["mot.strafrechtelijk"] = notDropped.Count(d => d.Type == "strafrechtelijk"),
            ["mot.fiscaal"] = notDropped.Count(d => d.Type == "fiscaal"),
            ["bibob.screenings"] = 1,
            ["bibob.verdiepend"] = bibob.Kind == "in-depth" ? 1 : 0,
            ["bibob.weigering"] = bibob.Outcome == "permit-or-manager-refused" ? 1 : 0,
            ["handhaving.drugspanden"] = 1,
            ["handhaving.dwangsommen-straathandel"] = 1,
            ["handhaving.dwangsommen-verkopers"] = penalty.Party == "seller" ? 1 : 0,
            ["handhaving.dwangsommen-kopers"] = penalty.Party == "buyer" ? 1 : 0,
            ["fenomeen.gebied"] = study.Subject == "area" ? 1 : 0,
            ["bewustwording.actiedagen"] = awareness.Kind == "action-day" ? 1 : 0,
            ["bewustwording.gesprekken"] = awareness.Conversations,
            ["bewustwording.signalen-lwo"] = signal.Channel == "bewonersgesprek" && reachedLwo ? 1 : 0,
        };
        var shown = await oov.AnnualFigures(Maastricht, 2025);
        shown.Keys.Should().Contain(expected.Keys, "every figure the run produced is on the page");
        shown.Should().Equal(shown.Keys.ToDictionary(k => k, k => expected.GetValueOrDefault(k)));
        var table = await api.GetFromJsonAsync<JsonObject>("/api/statistics/annual?municipality=GM0935&year=2025");
        AnnualStatisticsTests.Figures(table!).Should().Equal(shown, "the page shows the published table");
    }

    [Fact]
    public async Task A_partner_adds_closed_source_information_at_the_MOT_on_the_case_page_and_the_regisseur_reads_it()
    {
        await using var oov = await SignedIn(Regisseur, "regisseur");
        var id = await RegisterAndConfirm(oov, Signal("melding-politie", "Melding over witwassen via een kapsalon"));
        await oov.DecideAtLwo(id, "naar-mot", new LocalDate(2025, 2, 3), "Concrete aanwijzingen voor georganiseerde criminaliteit");

        await using var police = await SignedIn("Demo Politie", "politie");
        const string content = "Eigenaar in 2023 aangehouden voor witwassen; zaak loopt bij het OM";
        await police.AddInformation(id, "closed", "Art. 16 Wpg", content);
        await police.Screenshot("zaak-mot");

        // The MOT's gate for police information lets the municipality read it.
        await oov.Open($"/zaken/{id}");
        var information = oov.Page.Locator("section[aria-labelledby=informatie]");
        await OnThePages.Shows(information, content);
        (await information.TextContentAsync()).Should().Contain("Gesloten bron").And.Contain("Politie");
        await oov.Screenshot("zaak-mot-met-politie-informatie");

        var items = (await _service.CreateClient().GetFromJsonAsync<JsonObject>($"/api/cases/{id}/items"))!;
        var item = items["items"]!.AsArray().Should().ContainSingle(i => i!.Str("category") == "closed", "the finding is the case's one open item").Subject!;
        (item.Str("category"), item.Str("content"), item.Str("addedByOrganisation"), item.Str("legalBasis"))
            .Should().Be(("closed", content, "politie", "Art. 16 Wpg"));
    }

    [Fact]
    public async Task The_reporter_reads_the_coarse_status_and_the_regisseurs_feedback_on_melding_with_the_receipt_code()
    {
        await using var oov = await SignedIn(Regisseur, "regisseur");
        var id = await oov.RegisterSignalOnTheForm(Signal("melding-gemeente", "Melding aan de balie over een woning met veel aanloop", reporter: "A. de Melder"));
        var code = (await oov.Page.GetByTestId("ontvangstcode").TextContentAsync())!.Trim();
        const string feedback = "Dank voor uw melding. Wij onderzoeken de woning.";
        await oov.GiveFeedback(id, feedback);

        await using var reporter = await OnThePages.OpenAsync(browser, _address, "melder");
        await reporter.Open("/melding");
        await reporter.Screenshot("melding");
        await reporter.Page.GetByLabel("Ontvangstcode").FillAsync(code);
        await reporter.Button("Bekijken").ClickAsync();
        await OnThePages.Shows(reporter.Page.GetByTestId("terugkoppeling"), feedback);
        (await reporter.Page.GetByTestId("terugkoppeling").TextContentAsync()).Should().Be(feedback);
        (await reporter.Page.GetByTestId("status").TextContentAsync()).Should().StartWith("Ontvangen");
        (await reporter.Page.Locator("main").TextContentAsync()).Should().NotContain("Jansen").And.NotContain("Kapsalon").And.NotContain("Melder");
        await reporter.Screenshot("melding-terugkoppeling");

        var receipt = (await _service.CreateAnonymousClient().GetFromJsonAsync<JsonObject>($"/api/receipts/{code}"))!;
        receipt.Str("feedback").Should().Be(feedback);
    }
}

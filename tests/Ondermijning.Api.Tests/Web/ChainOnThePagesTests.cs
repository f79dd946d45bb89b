using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// The OOV regisseur's whole chain on the pages: enrichment with a finding found by hand and the decision, the LWO, an
/// ATOM inspection with its outcomes, the MOT with three interventions, and closing once each is executed or dropped.
/// The API only registers the signal (the intake form is tested on its own) and checks what the pages stored. It runs in
/// 2025, where the chain's version 2 applies: there the ATOM can send its findings back to the LWO, so one case meets both tables.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
public class ChainOnThePagesTests(Browser browser)
    : BrowserSession(browser, new ApiFactory(clock: new FakeClock(Instant.FromUtc(2025, 2, 3, 8, 0))) { DemoUsers = true }), IClassFixture<Browser>
{
    private ILocator Step(string trigger) => Page.Locator($"#stap-{trigger}");

    private async Task OpenStep(string trigger)
    {
        if (await Step(trigger).GetAttributeAsync("open") is null) await Step(trigger).Locator("summary").ClickAsync();
    }

    private async Task<string> Notice() => (await Page.GetByRole(AriaRole.Status).First.TextContentAsync())!.Trim();

    [Fact]
    public async Task The_regisseur_takes_a_case_from_enrichment_through_the_LWO_ATOM_and_MOT_to_closing_on_the_pages()
    {
        var api = Service.CreateClient();
        var id = (await api.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        var code = id.Replace("-", "")[^8..].ToUpperInvariant();
        var named = $"zaak {code} (Kapsalon De Schaar)";

        await SignInAs("Demo OOV-regisseur");

        // Enrichment: the registers are off and say why; the verdict waits for a finding, then rests on it.
        await Open($"/zaken/{id}");
        await OpenStep("start-verrijking");
        await Step("start-verrijking").GetByRole(AriaRole.Button).ClickAsync();
        (await Notice()).Should().Contain("Verrijking met open bronnen");
        (await Page.Locator("ul.registers li[data-register=kvk]").TextContentAsync()).Should().Contain("Uit: er is geen sleutel");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Registers nu bevragen" }).ClickAsync();
        (await Notice()).Should().Contain("De registers zijn bevraagd");
        (await Step("bevestigd-naar-lwo").GetByTestId("waarom-niet").TextContentAsync()).Should().Contain("er zijn nog geen bevindingen");

        await Page.Locator("summary", new PageLocatorOptions { HasText = "Bevinding toevoegen" }).ClickAsync();
        await Page.GetByLabel("Bron", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("kadaster");
        await Page.GetByLabel("Over wie of wat (optioneel)").FillAsync("Grote Straat 12, Maastricht");
        await Page.GetByLabel("Wat is gevonden").FillAsync("Eigenaar volgens BRK-uittreksel: Vastgoed BV Zuid, sinds 2 maanden");
        await Page.GetByLabel("Datum van de publicatie of waarneming").FillAsync("2025-02-02");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Bevinding toevoegen" }).ClickAsync();
        (await Notice()).Should().Be("De bevinding is toegevoegd.");
        (await Page.Locator("ul.bevindingen").TextContentAsync()).Should().Contain("Vastgoed BV Zuid").And.Contain("met de hand toegevoegd");
        (await Page.Locator("p.voorstel").TextContentAsync()).Should().Contain("U beslist");

        await OpenStep("bevestigd-naar-lwo");
        await Step("bevestigd-naar-lwo").GetByLabel("Kadaster: ", new LocatorGetByLabelOptions { Exact = false }).CheckAsync();
        await Step("bevestigd-naar-lwo").GetByLabel("Reden (optioneel)").FillAsync("Recente eigendomswisseling bevestigt het signaal");
        await Step("bevestigd-naar-lwo").GetByRole(AriaRole.Button).ClickAsync();
        (await Notice()).Should().Contain("Weging in de LWO");
        (await Page.Locator("section.verrijking").TextContentAsync()).Should().Contain("bevestigd").And.Contain("Vastgoed BV Zuid");

        // The LWO sends it to the ATOM; its row is labelled by the case.
        await Open("/tafels/lwo");
        await Page.GetByLabel("Datum van het overleg").FillAsync("2025-02-03");
        await Page.GetByLabel($"Besluit voor {named}").SelectOptionAsync("naar-atom");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Besluiten vastleggen" }).ClickAsync();
        (await Page.Locator(".uitslag.gelukt").TextContentAsync()).Should().Contain("1 besluit vastgelegd").And.Contain(code);

        // The ATOM inspects the location on 14 February, records what it found, and sends the findings back to the LWO.
        Service.Clock.Advance(Duration.FromDays(17));
        await Open("/tafels/atom");
        (await Page.Locator("#vergaderdatum").CountAsync()).Should().Be(0, "an ATOM decision is dated by its inspection, not by a meeting");
        await Page.GetByLabel($"Besluit voor {named}").SelectOptionAsync("atom-herweging");
        await Page.GetByLabel($"Reden voor {named}").FillAsync("Hennepkwekerij op zolder; LWO weegt opnieuw");
        var inspection = Page.Locator("fieldset.controle");
        await inspection.GetByLabel("Datum van de controle").FillAsync("2025-02-14");
        await inspection.GetByLabel("Gecontroleerde locatie").FillAsync("Grote Straat 12, Maastricht");
        await inspection.GetByLabel("Last onder dwangsom opgelegd").CheckAsync();
        await inspection.GetByLabel("Overig (beschrijf hieronder)").CheckAsync();
        await inspection.GetByLabel("Andere uitkomst (bij ‘overig’)").FillAsync("Hennepkwekerij aangetroffen en geruimd");
        (await Page.Locator("fieldset.interventies").CountAsync()).Should().Be(0);
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Besluiten vastleggen" }).ClickAsync();
        (await Page.Locator(".uitslag.gelukt").TextContentAsync()).Should().Contain("Bevindingen terug naar de LWO");

        await Open("/tafels/lwo");
        await Page.GetByLabel("Datum van het overleg").FillAsync("2025-02-20");
        await Page.GetByLabel($"Besluit voor {named}").SelectOptionAsync("naar-mot");
        await Page.GetByLabel($"Reden voor {named}").FillAsync("Concrete aanwijzingen voor georganiseerde criminaliteit");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Besluiten vastleggen" }).ClickAsync();
        (await Page.Locator(".uitslag.gelukt").CountAsync()).Should().Be(1);

        // The MOT sits on 29 December; its interventions are recorded a week later and still carry the sitting's date.
        Service.Clock.Advance(Duration.FromDays(320));
        await Open("/tafels/mot");
        await Page.GetByLabel("Datum van het overleg").FillAsync("2025-12-29");
        await Page.GetByLabel($"Besluit voor {named}").SelectOptionAsync("interventies-besloten");
        await Page.GetByLabel($"Reden voor {named}").FillAsync("Integrale aanpak: bestuurlijk, strafrechtelijk en fiscaal");
        var decided = new[] { ("sluiting-13b-opiumwet", "Gemeente (OOV)"), ("strafrechtelijk-onderzoek", "Politie"), ("boekenonderzoek", "Belastingdienst") };
        for (var i = 0; i < decided.Length; i++)
        {
            await Page.GetByLabel($"Interventie {i + 1}: soort").SelectOptionAsync(decided[i].Item1);
            await Page.GetByLabel($"Interventie {i + 1}: uitvoerende organisatie").FillAsync(decided[i].Item2);
        }
        await Page.GetByLabel("Interventie 1: gepland op (optioneel)").FillAsync("2026-02-01");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Besluiten vastleggen" }).ClickAsync();
        (await Page.Locator(".uitslag.gelukt").TextContentAsync()).Should().Contain("Interventies besloten");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("agenda-mot-besloten"), FullPage = true });

        // On the case: three planned interventions; closing says why it cannot yet, until each is executed or dropped.
        await Open($"/zaken/{id}");
        (await Page.Locator("table.interventies tbody tr").CountAsync()).Should().Be(3);
        (await Page.Locator("table.interventies").TextContentAsync()).Should().Contain("Besloten in het MOT-overleg van 29 december 2025");
        (await Step("afsluiten").GetByTestId("waarom-niet").TextContentAsync()).Should().Contain("zijn nog 3 interventies gepland");

        // Interventions decided in one sitting carry one date, so each row is found by its kind.
        ILocator Row(string kind) => Page.Locator("table.interventies tbody tr", new PageLocatorOptions { HasText = kind });
        await Row("Sluiting pand").GetByLabel("Datum").FillAsync("2026-01-05");
        await Row("Sluiting pand").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Stand vastleggen" }).ClickAsync();
        (await Notice()).Should().Be("De interventie is als uitgevoerd gemarkeerd.");
        await Row("Strafrechtelijk onderzoek").GetByLabel("Nieuwe stand", new LocatorGetByLabelOptions { Exact = false }).SelectOptionAsync("dropped");
        await Row("Strafrechtelijk onderzoek").GetByLabel("Datum").FillAsync("2026-01-06");
        await Row("Strafrechtelijk onderzoek").GetByLabel("Toelichting (optioneel)").FillAsync("Verdachte overleden; onderzoek gestaakt");
        await Row("Strafrechtelijk onderzoek").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Stand vastleggen" }).ClickAsync();
        (await Notice()).Should().Be("De interventie is als vervallen gemarkeerd.");
        (await Step("afsluiten").GetByTestId("waarom-niet").TextContentAsync()).Should().Contain("is nog 1 interventie gepland");
        await Row("Boekenonderzoek").GetByLabel("Datum").FillAsync("2026-01-06");
        await Row("Boekenonderzoek").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Stand vastleggen" }).ClickAsync();
        (await Notice()).Should().Be("De interventie is als uitgevoerd gemarkeerd.");
        (await Row("Strafrechtelijk onderzoek").TextContentAsync()).Should().Contain("vervallen op 6 januari 2026").And.Contain("Verdachte overleden");

        await OpenStep("afsluiten");
        (await Step("afsluiten").GetByTestId("waarom-niet").CountAsync()).Should().Be(0);
        await Step("afsluiten").GetByLabel("Reden").FillAsync("Sluiting uitgevoerd en boekenonderzoek afgerond");
        await Step("afsluiten").GetByRole(AriaRole.Button).ClickAsync();
        (await Notice()).Should().Contain("Afgesloten");
        (await Page.Locator("section[aria-labelledby=controles]").TextContentAsync()).Should().Contain("14 februari 2025").And.Contain("last onder dwangsom");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("zaak-afgesloten-met-interventies"), FullPage = true });

        // What the pages stored, read through the API.
        (await api.GetCaseAsync(id)).Str("stage.id").Should().Be("afgesloten");
        var decisions = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/enrichment/decisions"))!;
        decisions.Should().ContainSingle();
        decisions[0]!["confirmed"]!.GetValue<bool>().Should().BeTrue();
        var findings = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/findings"))!;
        decisions[0]!["findingIds"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal(findings[0]!["id"]!.GetValue<string>());
        findings[0]!["source"]!.GetValue<string>().Should().Be("kadaster");

        var inspections = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/atom-inspections"))!;
        inspections.Should().ContainSingle();
        inspections[0]!.Str("inspectedOn").Should().Be("2025-02-14");
        inspections[0]!.Str("location").Should().Be("Grote Straat 12, Maastricht");
        inspections[0]!["outcomes"]!.AsArray().Select(o => o!.GetValue<string>()).Should().BeEquivalentTo("last-onder-dwangsom", "overig");
        inspections[0]!.Str("otherOutcome").Should().Be("Hennepkwekerij aangetroffen en geruimd");
        inspections[0]!["organisations"]!.AsArray().Should().NotBeEmpty();

        var interventions = (await api.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/interventions"))!
            .ToDictionary(i => i!.Str("subtypeCode"), i => i!);
        interventions.Keys.Should().BeEquivalentTo(decided.Select(d => d.Item1));
        interventions.Values.Select(i => i.Str("decidedOn")).Should().AllBe("2025-12-29", "interventions carry the sitting's date, not the day they were typed in");
        foreach (var (kind, organisation) in decided) interventions[kind].Str("executingOrganisation").Should().Be(organisation);
        interventions["sluiting-13b-opiumwet"].Str("status").Should().Be("executed");
        interventions["sluiting-13b-opiumwet"].Str("executedOn").Should().Be("2026-01-05");
        interventions["sluiting-13b-opiumwet"].Str("plannedFor").Should().Be("2026-02-01");
        interventions["strafrechtelijk-onderzoek"].Str("status").Should().Be("dropped");
        interventions["strafrechtelijk-onderzoek"].Str("droppedOn").Should().Be("2026-01-06");
        interventions["strafrechtelijk-onderzoek"].Str("note").Should().Be("Verdachte overleden; onderzoek gestaakt");
        interventions["boekenonderzoek"].Str("status").Should().Be("executed");

        var history = (await api.GetCaseAsync(id))["history"]!.AsArray();
        history.Single(h => h!["trigger"]?.GetValue<string>() == "atom-herweging")!["information"]!["controledatum"]!.GetValue<string>()
            .Should().Be("2025-02-14", "the step out of the ATOM carries the inspection's date");
    }
}

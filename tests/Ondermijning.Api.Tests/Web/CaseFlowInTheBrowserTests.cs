using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

[Trait(StorageTrait.Name, StorageTrait.Independent)]
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
public class CaseFlowInTheBrowserTests(Browser browser) : IAsyncLifetime, IClassFixture<Browser>
{
    private readonly ApiFactory _service = new() { DemoUsers = true };
    private IPage _page = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _address = _service.StartOnLoopback();
        _page = await browser.Instance.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
    }

    public async Task DisposeAsync()
    {
        await _page.CloseAsync();
        await _service.DisposeAsync();
    }

    private Task Open(string path) => _page.GotoAsync(new Uri(_address, path).ToString());

    /// <summary>Signs in on the pages as one of the demo users, the way a person on the embedded default does.</summary>
    private async Task SignInAs(string name)
    {
        await Open("/inloggen");
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Inloggen als {name}" }).ClickAsync();
        await _page.ArrivedAtAsync(new Uri(_address, "/").ToString());
    }

    private async Task TakeStep(string label, string? reason = null, string? meetingDate = null)
    {
        var step = _page.Locator("details.step", new PageLocatorOptions { Has = _page.GetByText(label, new PageGetByTextOptions { Exact = true }) });
        if (await step.GetAttributeAsync("open") is null) await step.Locator("summary").ClickAsync();
        if (meetingDate is not null) await step.GetByLabel("Datum van het", new LocatorGetByLabelOptions { Exact = false }).FillAsync(meetingDate);
        if (reason is not null) await step.GetByLabel("Reden").FillAsync(reason);
        await step.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = label }).ClickAsync();
        await _page.GetByRole(AriaRole.Status).WaitForAsync();
    }

    [Fact]
    public async Task An_OOV_adviser_registers_a_signal_and_takes_it_through_enrichment_and_the_LWO_to_the_MOT()
    {
        await SignInAs("Demo OOV-regisseur");
        await Open("/signalen/nieuw");
        await _page.GetByLabel("Hoe kwam het signaal binnen?").SelectOptionAsync("meld-misdaad-anoniem");
        await _page.GetByLabel("Omschrijving").FillAsync("Veel kort bezoek bij een kapsalon, vermoedelijk drugshandel");
        await _page.GetByLabel("Branche (optioneel)").FillAsync("kappers");
        await _page.GetByLabel("Zwaarte").SelectOptionAsync("hoog");
        await _page.Locator("#bedrijf-0-naam").FillAsync("Kapsalon De Schaar");
        await _page.GetByLabel("KvK-nummer").FillAsync("12345678");
        await _page.GetByLabel("Postcode").FillAsync("6211 AB");
        await _page.GetByLabel("Huisnummer").FillAsync("12");
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Signaal registreren" }).ClickAsync();

        await _page.GetByRole(AriaRole.Status).WaitForAsync();
        (await _page.GetByRole(AriaRole.Status).TextContentAsync()).Should().Contain("geregistreerd");
        var caseUrl = _page.Url;

        await TakeStep("Verrijking starten");
        // The decision rests on a finding: with the registers off, one found by hand.
        await _page.Locator("summary", new PageLocatorOptions { HasText = "Bevinding toevoegen" }).ClickAsync();
        await _page.GetByLabel("Wat is gevonden").FillAsync("Kapsalon al maanden zonder klanten volgens omwonenden op Facebook");
        await _page.GetByLabel("Bron", new PageGetByLabelOptions { Exact = true }).SelectOptionAsync("social-media");
        await _page.GetByLabel("Vindplaats", new PageGetByLabelOptions { Exact = false }).FillAsync("https://www.facebook.com/groups/maastricht-centrum/posts/1");
        await _page.GetByLabel("Datum van de publicatie of waarneming").FillAsync("2024-06-01");
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Bevinding toevoegen" }).ClickAsync();
        (await _page.GetByRole(AriaRole.Status).TextContentAsync()).Should().Be("De bevinding is toegevoegd.");
        await _page.Locator("#stap-bevestigd-naar-lwo summary").ClickAsync();
        await _page.Locator("#stap-bevestigd-naar-lwo input[type=checkbox]").First.CheckAsync();
        await TakeStep("Bevestigd: agenderen voor de LWO");

        // A step without its required reason is refused next to the field, in Dutch, and nothing moves.
        var toMot = _page.Locator("#stap-naar-mot");
        await toMot.Locator("summary").ClickAsync();
        await toMot.Locator("textarea").EvaluateAsync("t => t.removeAttribute('required')");
        await toMot.Locator("input[type=date][required]").EvaluateAsync("i => i.removeAttribute('required')");
        await toMot.GetByRole(AriaRole.Button).ClickAsync();
        (await _page.Locator("#stap-naar-mot .field-error").AllTextContentsAsync()).Should().Contain("Geef een reden op.");
        (await _page.Locator("dl.facts").TextContentAsync()).Should().Contain("Weging in de LWO");

        await TakeStep("Doorzetten naar de MOT", reason: "Concrete aanwijzingen voor georganiseerde criminaliteit", meetingDate: "2024-06-03");
        (await _page.Locator("dl.facts").TextContentAsync()).Should().Contain("Bespreking in de MOT");
        await _page.GetByLabel("Soort interventie").SelectOptionAsync("sluiting-13b-opiumwet");
        await _page.GetByLabel("Uitvoerende organisatie", new PageGetByLabelOptions { Exact = true }).FillAsync("Gemeente Maastricht");
        await _page.Locator("#besloten").FillAsync("2024-06-03");
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Interventie vastleggen" }).ClickAsync();
        (await _page.GetByRole(AriaRole.Status).TextContentAsync()).Should().Be("De interventie is vastgelegd.");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("zaak"), FullPage = true });

        await Open("/statistieken?jaar=2024&gemeente=GM0935");
        var mot = _page.Locator("section[aria-labelledby=sectie-mot]");
        (await mot.Locator("tr[data-id='mot.bestuurlijk'] td.num").TextContentAsync()).Should().Be("1");
        (await mot.Locator("tr[data-id='mot.casussen'] td.num").TextContentAsync()).Should().Be("1");
        (await mot.Locator("svg title").TextContentAsync()).Should().Be("Interventies naar soort");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("statistieken"), FullPage = true });

        await Open("/");
        (await _page.Locator("section.column", new PageLocatorOptions { Has = _page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Bespreking in de MOT" }) })
            .TextContentAsync()).Should().Contain("Zaak ").And.Contain("kappers");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("werkvoorraad"), FullPage = true });

        await Open($"/zaken/{Guid.NewGuid()}");
        (await _page.Locator("h1").TextContentAsync()).Should().Be("Pagina niet gevonden");

        await _page.GotoAsync(caseUrl);
        var history = await _page.Locator("ol.timeline").TextContentAsync();
        history.Should().Contain("Concrete aanwijzingen voor georganiseerde criminaliteit").And.Contain("Datum van het LWO-overleg: 3 juni 2024");
        history.Should().NotContain("RequestVerificationToken", "only the information a step asks for is recorded");
    }

    [Fact]
    public async Task The_new_signal_form_can_be_reached_filled_in_and_submitted_with_the_keyboard_alone()
    {
        await SignInAs("Demo OOV-regisseur");
        await Open("/");
        await _page.Keyboard.PressAsync("Tab");
        (await _page.EvaluateAsync<string>("document.activeElement.textContent.trim()")).Should().Be("Naar de inhoud");

        // Tab through the main menu to "Nieuw signaal" and follow it.
        for (var i = 0; i < 20 && await _page.EvaluateAsync<string>("document.activeElement.textContent.trim()") != "Nieuw signaal"; i++)
            await _page.Keyboard.PressAsync("Tab");
        (await _page.EvaluateAsync<string>("document.activeElement.getAttribute('href')")).Should().Be("/signalen/nieuw");
        await _page.Keyboard.PressAsync("Enter");
        await _page.ArrivedAtAsync("**/signalen/nieuw");

        await _page.Keyboard.PressAsync("Tab"); // skip link
        for (var i = 0; i < 20 && await _page.EvaluateAsync<string>("document.activeElement.id") != "gemeente"; i++)
            await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.PressAsync("Tab");
        (await _page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("bron");
        await _page.Keyboard.PressAsync("ArrowDown");
        await _page.Keyboard.PressAsync("Tab");
        (await _page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("omschrijving");
        await _page.Keyboard.TypeAsync("Melding via het toetsenbord");
        await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.TypeAsync("horeca");

        // Onwards to the submit button, past the rows' own buttons: every field on the way is reachable.
        for (var i = 0; i < 80 && await _page.EvaluateAsync<string>("document.activeElement.textContent.trim()") != "Signaal registreren"; i++)
            await _page.Keyboard.PressAsync("Tab");
        await _page.Keyboard.PressAsync("Enter");

        await _page.ArrivedAtAsync("**/zaken/*");
        (await _page.GetByRole(AriaRole.Status).TextContentAsync()).Should().Contain("geregistreerd");
        (await _page.Locator("main").TextContentAsync()).Should().Contain("Melding via het toetsenbord").And.Contain("horeca");
    }

    [Fact]
    public async Task The_LWO_agenda_records_the_outcomes_of_several_cases_in_one_sitting()
    {
        var api = _service.CreateClient();
        await SignInAs("Demo OOV-regisseur");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await api.RegisterAsync(ApiClient.Signal(description: $"Signaal {i}"))).Str("id");
            await api.FireOkAsync(id, "start-verrijking");
            await api.ConfirmSignalAsync(id);
            ids.Add(id);
        }

        await Open("/tafels/lwo");
        (await _page.Locator("table.agenda tbody tr").CountAsync()).Should().Be(3);
        await _page.GetByLabel("Datum van het overleg").FillAsync("2024-06-03");
        await _page.Locator("#stap-0").SelectOptionAsync("naar-politie");
        await _page.Locator("#stap-1").SelectOptionAsync("naar-atom");
        await _page.Locator("#stap-2").SelectOptionAsync("geen-vervolg"); // needs a reason, which is left out
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Besluiten vastleggen" }).ClickAsync();

        (await _page.Locator(".uitslag.gedeeltelijk").TextContentAsync()).Should().Contain("2 besluiten vastgelegd; 1 niet.");
        (await _page.Locator("table.agenda tbody tr").CountAsync()).Should().Be(1);
        (await _page.Locator(".field-error").TextContentAsync()).Should().Be("Geef een reden op.");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("agenda-lwo"), FullPage = true });

        var stages = new List<string>();
        foreach (var id in ids) stages.Add((await api.GetCaseAsync(id)).Str("stage.id"));
        stages.Should().Equal("politie", "atom", "lwo");
        var decision = (await api.GetCaseAsync(ids[0]))["history"]!.AsArray().Last()!;
        decision["information"]!["vergaderdatum"]!.GetValue<string>().Should().Be("2024-06-03");
    }

    [Fact]
    public async Task Fiscal_information_added_at_the_MOT_by_the_Belastingdienst_never_reaches_the_police_page()
    {
        const string fiscal = "Omzet kapsalon 2023 fiscaal 412.000 euro, aangifte 38.000 euro";
        var api = _service.CreateClient();
        var id = (await api.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await api.FireOkAsync(id, "start-verrijking");
        await api.ConfirmSignalAsync(id);
        await api.FireOkAsync(id, "naar-mot", "Aanwijzingen voor witwassen", new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });

        await SignInAs("Demo Belastingdienst");
        await Open($"/zaken/{id}");
        var form = _page.Locator("form", new PageLocatorOptions { Has = _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Informatie toevoegen" }) });
        (await form.Locator("#categorie option").AllTextContentsAsync()).Should().Contain(t => t.StartsWith("Gesloten bron"));
        await form.Locator("#categorie").SelectOptionAsync("closed");
        await form.GetByLabel("Grondslag").FillAsync("Convenant RIEC, art. 43c Uitvoeringsregeling AWR");
        await form.GetByLabel("Inhoud").FillAsync(fiscal);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        (await _page.GetByRole(AriaRole.Status).TextContentAsync()).Should().Be("De informatie is toegevoegd.");
        (await _page.Locator("section[aria-labelledby=informatie]").TextContentAsync()).Should().Contain(fiscal);

        await _page.Context.ClearCookiesAsync();
        await SignInAs("Demo Politie");
        var response = await _page.GotoAsync(new Uri(_address, $"/zaken/{id}").ToString());
        var html = await response!.TextAsync();
        html.Should().NotContain("412.000").And.NotContain("Omzet kapsalon", "withheld information never leaves the server");
        (await _page.GetByTestId("niet-zichtbaar").TextContentAsync()).Should().Contain("2 items niet zichtbaar", "the fiscal item and the finding the confirmation rests on");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("zaak-politie"), FullPage = true });

        // Only an administrator opens the access log, which shows the Belastingdienst's addition and an intact chain.
        await Open("/beheer/toegangslog");
        (await _page.Locator("h1").TextContentAsync()).Should().Be("Geen toegang");
        await _page.Context.ClearCookiesAsync();
        await SignInAs("Demo beheerder");
        await Open($"/beheer/toegangslog?zaak={id}");
        (await _page.GetByTestId("verificatie").TextContentAsync()).Should().Contain("De keten is intact");
        (await _page.Locator("tbody").TextContentAsync()).Should().Contain("demo-belastingdienst").And.Contain("Toevoegen");
    }
}

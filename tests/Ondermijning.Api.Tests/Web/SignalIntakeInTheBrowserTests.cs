using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Statistics;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// A real signal on the form, on today's clock: a letter from last year with two persons, a company known only by its KvK
/// number and an address; the reporter then reads the feedback on /melding. The API only checks what the pages stored.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
public class SignalIntakeInTheBrowserTests(Browser browser) : IAsyncLifetime, IClassFixture<Browser>
{
    private static readonly Instant Now = SystemClock.Instance.GetCurrentInstant();
    private readonly ApiFactory _service = new(clock: new FakeClock(Now)) { DemoUsers = true };
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _address = _service.StartOnLoopback();
        _context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _context.CloseAsync();
        await _service.DisposeAsync();
    }

    private Task Open(IPage page, string path) => page.GotoAsync(new Uri(_address, path).ToString());

    private async Task SignInAs(IPage page, string name)
    {
        await Open(page, "/inloggen");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Inloggen als {name}" }).ClickAsync();
        await page.ArrivedAtAsync(new Uri(_address, "/").ToString());
    }

    private ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });

    [Fact]
    public async Task A_letter_from_last_year_is_registered_on_the_form_counted_last_year_and_the_reporter_reads_the_feedback()
    {
        var lastYear = Now.InZone(Amsterdam.Zone).Year - 1;
        await SignInAs(_page, "Demo OOV-regisseur");
        await Open(_page, "/signalen/nieuw");
        (await _page.Locator("#gemeente option:checked").TextContentAsync()).Should().Be("Maastricht");
        await _page.GetByLabel("Hoe kwam het signaal binnen?").SelectOptionAsync("melding-gemeente");
        await _page.GetByLabel("Omschrijving").FillAsync("Brief van een buurtbewoner over een woning met veel aanloop");
        await _page.GetByLabel("Datum van ontvangst").FillAsync($"{lastYear}-11-20");
        await _page.GetByLabel("Tijd van ontvangst").FillAsync("14:15");
        await _page.GetByLabel("Anoniem").UncheckAsync();
        await _page.GetByLabel("Naam melder").FillAsync("A. de Melder");
        await _page.GetByLabel("Contactgegevens melder").FillAsync("06-11223344");
        await _page.Locator("#persoon-0-naam").FillAsync("J. Jansen");
        await Button(_page, "Nog een persoon toevoegen").ClickAsync();
        await _page.Locator("#persoon-1-naam").FillAsync("P. de Vries");
        await _page.Locator("#persoon-1-geboortedatum").FillAsync("1979-05-17");
        await _page.Locator("#bedrijf-0-kvk").FillAsync("12345678");
        await _page.Locator("#adres-0-postcode").FillAsync("6211 AB");
        await _page.Locator("#adres-0-huisnummer").FillAsync("12");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("nieuw-signaal"), FullPage = true });
        await Button(_page, "Signaal registreren").ClickAsync();

        await _page.ArrivedAtAsync("**/zaken/*");
        (await _page.GetByRole(AriaRole.Status).TextContentAsync()).Should().Contain("Het signaal is geregistreerd.");
        var code = (await _page.GetByTestId("ontvangstcode").TextContentAsync())!.Trim();
        var caseId = _page.Url.Split('/')[^1];

        var api = _service.CreateClient();
        var stored = await api.GetCaseAsync(caseId);
        stored["persons"]!.AsArray().Select(p => p!.Str("name")).Should().Equal("J. Jansen", "P. de Vries");
        stored["persons"]![1]!.Str("birthDate").Should().Be("1979-05-17");
        stored["companies"]!.AsArray().Should().ContainSingle().Which!.Str("kvkNumber").Should().Be("12345678");
        stored["companies"]![0]!["name"].Should().BeNull("the company was given by its KvK number alone");
        stored["addresses"]![0]!.Str("postcode").Should().Be("6211AB");
        stored.Str("reporter.name").Should().Be("A. de Melder");
        InstantPattern.ExtendedIso.Parse(stored.Str("receivedAt")).Value.Should()
            .Be(new LocalDateTime(lastYear, 11, 20, 14, 15).InZoneStrictly(Amsterdam.Zone).ToInstant());
        var table = await api.GetFromJsonAsync<JsonObject>($"/api/statistics/annual?municipality=GM0935&year={lastYear}");
        AnnualStatisticsTests.Figures(table!)["signalen.ontvangen"].Should().Be(1, "a letter from last year counts in last year's table");

        await _page.GetByLabel("Tekst die de melder met de ontvangstcode ziet").FillAsync("Dank voor uw brief. Wij onderzoeken de woning.");
        await Button(_page, "Terugkoppeling opslaan").ClickAsync();
        (await _page.GetByTestId("gegeven-terugkoppeling").TextContentAsync()).Should().Contain("Dank voor uw brief.");

        // The reporter, not signed in, in a browser of their own.
        await using var reporterContext = await browser.Instance.NewContextAsync();
        var reporter = await reporterContext.NewPageAsync();
        await Open(reporter, "/melding");
        await reporter.GetByLabel("Ontvangstcode").FillAsync(code.ToLowerInvariant());
        await reporter.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Bekijken" }).ClickAsync();
        (await reporter.GetByTestId("status").TextContentAsync()).Should().StartWith("Ontvangen");
        (await reporter.GetByTestId("terugkoppeling").TextContentAsync()).Should().Be("Dank voor uw brief. Wij onderzoeken de woning.");
        (await reporter.Locator("main").TextContentAsync()).Should().NotContain("Jansen").And.NotContain("12345678").And.NotContain("Maastricht");
        await reporter.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("melding"), FullPage = true });
    }

    [Fact]
    public async Task A_signal_from_Meld_Misdaad_Anoniem_gets_no_code_and_its_known_subjects_are_pointed_out_at_once()
    {
        await _service.CreateClient().RegisterAsync(ApiClient.Signal(channel: "melding-politie"));
        await SignInAs(_page, "Demo OOV-regisseur");
        await Open(_page, "/signalen/nieuw");
        await _page.GetByLabel("Hoe kwam het signaal binnen?").SelectOptionAsync("meld-misdaad-anoniem");
        await _page.GetByLabel("Omschrijving").FillAsync("Tip via Meld Misdaad Anoniem over een kapsalon");
        await _page.Locator("#bedrijf-0-kvk").FillAsync("12345678");
        await Button(_page, "Signaal registreren").ClickAsync();

        await _page.ArrivedAtAsync("**/zaken/*");
        var notice = await _page.GetByRole(AriaRole.Status).TextContentAsync();
        notice.Should().Contain("geen ontvangstcode").And.Contain("1 andere zaak");
        (await _page.GetByTestId("ontvangstcode").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Without_JavaScript_rows_are_added_by_the_server_and_a_name_typed_while_anoniem_is_ticked_is_refused()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await SignInAs(page, "Demo OOV-regisseur");
        await Open(page, "/signalen/nieuw");
        await page.GetByLabel("Hoe kwam het signaal binnen?").SelectOptionAsync("melding-gemeente");
        await page.GetByLabel("Omschrijving").FillAsync("Melding aan de balie");
        await page.Locator("#adres-0-postcode").FillAsync("6211 AB");
        await page.Locator("#adres-0-huisnummer").FillAsync("12");
        await Button(page, "Nog een adres toevoegen").ClickAsync();
        await page.Locator("#adres-1-postcode").FillAsync("6221 CD");
        await page.Locator("#adres-1-huisnummer").FillAsync("3");
        (await page.Locator("#adres-0-postcode").InputValueAsync()).Should().Be("6211 AB", "the server kept what was typed");
        await page.GetByLabel("Naam melder").FillAsync("Jan de Melder");
        await Button(page, "Signaal registreren").ClickAsync();

        (await page.Locator("#melder-naam-fout").TextContentAsync()).Should().Contain("anoniem");
        // The summary takes the focus by autofocus, which Chromium applies at a rendering step of its own: on a busy machine
        // that can come after the page has loaded, so wait for it rather than read the focus once.
        await Assertions.Expect(page.Locator("#foutenoverzicht")).ToBeFocusedAsync();
        (await _service.CreateClient().CaseCountAsync()).Should().Be(0, "nothing is stored, and no name is dropped without a word");

        await page.GetByLabel("Naam melder").FillAsync("");
        await Button(page, "Signaal registreren").ClickAsync();
        await page.ArrivedAtAsync("**/zaken/*");
        var stored = await _service.CreateClient().GetCaseAsync(page.Url.Split('/')[^1]);
        stored["addresses"]!.AsArray().Select(a => a!.Str("postcode")).Should().Equal("6211AB", "6221CD");
        stored["reporter"]!["anonymous"]!.GetValue<bool>().Should().BeTrue();
    }
}

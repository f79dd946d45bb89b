using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class SearchInTheBrowserTests(Browser browser) : IAsyncLifetime, IClassFixture<Browser>
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

    private async Task<string> SearchAsync(string query)
    {
        await _page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Zoek een zaak" }).FillAsync(query);
        await _page.GetByRole(AriaRole.Search, new PageGetByRoleOptions { Name = "Zaken zoeken" }).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Zoeken" }).ClickAsync();
        await _page.ArrivedAtAsync("**/zoeken?q=*");
        return await _page.Locator("main").TextContentAsync() ?? "";
    }

    [Fact]
    public async Task The_regisseur_finds_a_case_by_KvK_number_address_and_short_code_and_sees_the_case_at_the_same_address()
    {
        var oov = _service.CreateClient();
        var schaar = (await oov.RegisterAsync(ApiClient.Signal())).Str("id");
        var neighbour = (await oov.RegisterAsync(new
        {
            municipality = "GM0935", sourceChannel = "melding-gemeente", description = "Nagelstudio op hetzelfde adres",
            companies = new[] { new { name = "Nagelstudio Glans", kvkNumber = "22223333" } },
            addresses = new[] { new { postcode = "6211 ab", houseNumber = 12, street = "Grote Straat", city = "Maastricht" } },
        })).Str("id");
        var heerlen = _service.CreateClientFor("heerlen", "gemeente", ["oov-regisseur"], ["GM0917"]);
        await heerlen.RegisterAsync(new
        {
            municipality = "GM0917", sourceChannel = "melding-gemeente", description = "Signaal in Heerlen",
            companies = new[] { new { name = "Garage Heerlen", kvkNumber = "99998888" } },
        });
        var code = schaar.Replace("-", "")[^8..].ToUpperInvariant();

        await Open("/inloggen");
        await _page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Inloggen als Demo OOV-regisseur" }).ClickAsync();
        await _page.ArrivedAtAsync(new Uri(_address, "/").ToString());

        (await SearchAsync("12345678")).Should().Contain($"Zaak {code}").And.Contain("Gevonden op KvK-nummer: 12345678 (Kapsalon De Schaar)");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("zoeken"), FullPage = true });
        var byAddress = await SearchAsync("6211 ab 12");
        byAddress.Should().Contain("2 zaken gevonden").And.Contain("Kapsalon De Schaar").And.Contain("Nagelstudio Glans");
        (await SearchAsync(code.ToLowerInvariant())).Should().Contain("1 zaak gevonden").And.Contain($"Zaak {code}");
        (await SearchAsync("99998888")).Should().Contain("Geen zaken gevonden", "the case of Heerlen is not the regisseur of Maastricht's to see");

        await _page.GetByRole(AriaRole.Searchbox, new PageGetByRoleOptions { Name = "Zoek een zaak" }).FillAsync(code);
        await _page.Keyboard.PressAsync("Enter");
        await _page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"Zaak {code} – Kapsalon De Schaar" }).ClickAsync();
        await _page.ArrivedAtAsync($"**/zaken/{schaar}");
        var related = _page.Locator("section[aria-labelledby=verwant]");
        (await related.TextContentAsync()).Should().Contain("Nagelstudio Glans").And.Contain("adres: Grote Straat 12, 6211 AB Maastricht");
        await related.GetByRole(AriaRole.Link).ClickAsync();
        await _page.ArrivedAtAsync($"**/zaken/{neighbour}");
        (await _page.Locator("section[aria-labelledby=verwant]").TextContentAsync()).Should().Contain("Kapsalon De Schaar");
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// The regisseur records a Bibob screening from the case page in Chromium, keyboard-free but by the labels a person
/// reads; the API then holds it. Screenshots of every page of the work beside the chain and of the administrators' pages
/// go to artifacts/screenshots.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
public class EnforcementInTheBrowserTests(Browser browser) : IAsyncLifetime, IClassFixture<Browser>
{
    private readonly ApiFactory _service = new() { DemoUsers = true };
    private Uri _address = null!;

    public Task InitializeAsync()
    {
        _address = _service.StartOnLoopback();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    /// <summary>A page of its own (a fresh browser context, so its own sign-in) for one demo user.</summary>
    private async Task<IPage> SignedInAs(string name)
    {
        var page = await browser.Instance.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(_address, "/inloggen").ToString());
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Inloggen als {name}" }).ClickAsync();
        await page.ArrivedAtAsync(new Uri(_address, "/").ToString());
        return page;
    }

    private async Task Screenshot(IPage page, string path, string name)
    {
        await page.GotoAsync(new Uri(_address, path).ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name), FullPage = true });
    }

    [Fact]
    public async Task The_regisseur_records_a_Bibob_screening_from_the_case_page_and_every_page_is_photographed()
    {
        var caseId = (await _service.CreateClient().RegisterAsync()).Str("id");
        var oov = await SignedInAs("Demo OOV-regisseur");
        await oov.GotoAsync(new Uri(_address, $"/zaken/{caseId}").ToString());
        await oov.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Handhaving en preventie" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Bibob-screening" }).ClickAsync();
        await oov.ArrivedAtAsync("**/handhaving/bibob?zaak=*");

        var form = oov.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Bibob-screening vastleggen" });
        (await form.GetByLabel("Zaak (zaakcode of id, als er een zaak is)").InputValueAsync()).Should().Be(caseId.Replace("-", "")[^8..].ToUpperInvariant());
        await form.GetByLabel("Datum van de uitkomst").FillAsync("2024-05-21");
        await form.GetByLabel("Soort screening").SelectOptionAsync(new SelectOptionValue { Label = "Verdiepend onderzoek" });
        await form.GetByLabel("Vergunning (bijvoorbeeld horeca of exploitatie)").FillAsync("Exploitatievergunning horeca");
        await form.GetByLabel("Uitkomst", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Vergunning of leidinggevende geweigerd" });
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Screening vastleggen" }).ClickAsync();
        await oov.GetByRole(AriaRole.Status).WaitForAsync();
        (await oov.Locator("main").TextContentAsync()).Should().Contain("De Bibob-screening is vastgelegd.").And.Contain("Exploitatievergunning horeca");
        await oov.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("handhaving-bibob"), FullPage = true });

        var stored = (await _service.CreateClient().GetFromJsonAsync<JsonObject>("/api/bibob-screenings?municipality=GM0935&year=2024"))!;
        var screening = stored["items"]!.AsArray().Should().ContainSingle().Subject!;
        (screening.Str("kind"), screening.Str("outcome"), screening.Str("caseId")).Should().Be(("in-depth", "permit-or-manager-refused", caseId));

        foreach (var (path, name) in new[]
                 {
                     ("/handhaving/sluitingen", "handhaving-sluitingen"), ("/handhaving/straathandel", "handhaving-straathandel"),
                     ("/handhaving/bewustwording", "handhaving-bewustwording"), ("/handhaving/fenomeenonderzoek", "handhaving-fenomeenonderzoek"),
                     ($"/zaken/{caseId}/afdrukken", "zaak-afdrukken"), ("/rapporten", "maandrapporten"),
                     ("/beheer/interventiesoorten", "interventiesoorten"),
                 })
            await Screenshot(oov, path, name);
        var admin = await SignedInAs("Demo beheerder");
        await Screenshot(admin, "/beheer/bewaartermijnen", "bewaartermijnen");
        await Screenshot(admin, "/beheer/taken", "achtergrondtaken");
        await admin.CloseAsync();
        await oov.CloseAsync();
    }
}

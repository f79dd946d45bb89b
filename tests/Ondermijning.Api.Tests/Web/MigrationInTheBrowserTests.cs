using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Workflows;

namespace Ondermijning.Api.Tests.Web;

/// <summary>The functional administrator moves running cases to another workflow on the pages: a dry run first, then the job.</summary>
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class MigrationInTheBrowserTests(Browser browser) : BrowserSession(browser, new ApiFactory { DemoUsers = true, JobServer = true }), IClassFixture<Browser>
{
    [Fact]
    public async Task The_administrator_tries_a_migration_to_another_workflow_then_runs_it_and_sees_it_done()
    {
        var api = Service.CreateClient();
        var veryHigh = (await api.RegisterAsync(ApiClient.Signal(severity: "zeer-hoog"))).Str("id");
        var low = (await api.RegisterAsync(ApiClient.Signal(severity: "laag"))).Str("id");
        await Service.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]).PublishRegionalWorkflowAsync();

        await SignInAs("Demo beheerder");
        await Open("/definities");
        await Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Lopende zaken naar een andere versie" }).ClickAsync();
        await Page.GetByLabel("Huidige versie van de zaken").SelectOptionAsync("ondermijning:1");
        await Page.GetByLabel("Nieuwe versie").SelectOptionAsync("regio:1");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Versies kiezen" }).ClickAsync();
        await Page.GetByLabel("Fase waarvan alle zaken meegaan").SelectOptionAsync("ontvangen");
        await Page.Locator("#naar-ontvangen").SelectOptionAsync("binnengekomen");
        await Page.Locator("#zwaarte-zeer-hoog").SelectOptionAsync("hoog");
        await Page.GetByLabel("Reden").FillAsync("Maastricht volgt de regionale keten");

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Proefdraaien" }).ClickAsync();
        var trial = Page.Locator("table", new PageLocatorOptions { Has = Page.GetByText("Nieuwe fase") });
        await OnThePages.Shows(Page.Locator("#proef"), "2 zaken zouden meegaan");
        (await trial.Locator("tbody tr").CountAsync()).Should().Be(2);
        var rowOfVeryHigh = await trial.Locator("tbody tr", new LocatorLocatorOptions { HasText = veryHigh.Replace("-", "")[^8..].ToUpperInvariant() }).InnerTextAsync();
        rowOfVeryHigh.Should().Contain("Hoog").And.NotContain("Zeer hoog");
        (await api.GetCaseAsync(veryHigh)).Str("workflow").Should().Be("ondermijning", "a dry run changes nothing");

        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Migreren" }).ClickAsync();
        await Page.ArrivedAtAsync("**/definities/migraties/*");
        // The page refreshes itself until the job is through.
        await OnThePages.Shows(Page.Locator("#status"), "klaar");
        await OnThePages.Shows(Page.GetByRole(AriaRole.Status), "2 van 2 zaken verwerkt");
        (await Page.Locator("tbody tr", new PageLocatorOptions { HasText = "gemigreerd" }).CountAsync()).Should().Be(2);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("migratie-demo-beheerder"), FullPage = true });

        foreach (var id in new[] { veryHigh, low })
        {
            var moved = await api.GetCaseAsync(id);
            (moved.Str("workflow"), moved.Str("stage.id")).Should().Be(("regio", "binnengekomen"));
        }
    }
}

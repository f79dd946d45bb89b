using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Workflows;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// The shipped demo of the CCV model protocol on the pages: the privacy officer of Eijsden-Margraten approves the sources
/// by ticking them and weighing proportionality and subsidiarity, and the municipality's statistics page shows the
/// protocol's own section in Dutch, with the approval counted; Maastricht's page has no such section.
/// </summary>
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class CcvProtocolInTheBrowserTests(Browser browser) : BrowserSession(browser, new ApiFactory { DemoUsers = true }), IClassFixture<Browser>
{
    private const string ApprovalStep = "Weging 2: de privacyfunctionaris keurt de bronnen goed";

    [Fact]
    public async Task The_privacy_officer_approves_the_sources_on_the_case_page_and_the_statistics_page_counts_it_in_the_CCV_section()
    {
        var regisseur = Service.CreateClientFor("demo-regisseur-ccv", "gemeente", ["oov-regisseur"], [CcvProtocolTests.EijsdenMargraten]);
        var id = (await regisseur.RegisterAsync(CcvProtocolTests.Signal())).Str("id");
        await regisseur.FireOkAsync(id, "weging-1-aanwijzingen", information: CcvProtocolTests.FirstWeighing);

        await SignInAs("Demo Privacyfunctionaris");
        await Open($"/zaken/{id}");
        var step = Page.Locator("details.step", new PageLocatorOptions { Has = Page.GetByText(ApprovalStep, new PageGetByTextOptions { Exact = true }) });
        await step.Locator("summary").ClickAsync();
        await step.GetByLabel("BRP", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await step.GetByLabel("Kadaster", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await step.GetByLabel("Proportionaliteit: inbreuk op de persoonlijke levenssfeer")
            .SelectOptionAsync(new SelectOptionValue { Label = "Beperkt: alleen gegevens over het object of de onderneming" });
        await step.GetByLabel("Subsidiariteit: kan het doel niet met minder ingrijpende middelen worden bereikt?")
            .SelectOptionAsync(new SelectOptionValue { Label = "Ja" });
        await step.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = ApprovalStep }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        (await Page.Locator("main").TextContentAsync()).Should().Contain("Stap 2: verrijking met de goedgekeurde bronnen");
        (await regisseur.GetCaseAsync(id))["history"]!.AsArray().Last(h => h!.Str("kind") == "transition")!["information"]!
            .Str("bronnen").Should().Be("BRP\nKadaster");

        await SignInAs("Demo regisseur Eijsden-Margraten");
        await Open($"/statistieken?gebied={CcvProtocolTests.EijsdenMargraten}&jaar=2024");
        var section = Page.Locator("section[aria-labelledby='sectie-ccv-privacyprotocol']");
        (await section.Locator("h2").TextContentAsync()).Should().Be("CCV-modelprotocol: privacyprotocol bij signalen van ondermijning");
        (await section.Locator("tr[data-id='ccv-privacyprotocol.bronnen-goedgekeurd'] td.num").TextContentAsync()).Should().Be("1");
        (await section.Locator("tr[data-id='ccv-privacyprotocol.wegingen'] td.num").TextContentAsync()).Should().Be("1");
        (await section.TextContentAsync()).Should().Contain("bronnen goedgekeurd door de privacyfunctionaris");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("statistieken-ccv"), FullPage = true });

        await SignInAs("Demo statistiek");
        await Open("/statistieken?gebied=GM0935&jaar=2024");
        (await Page.Locator("h2").AllTextContentsAsync()).Should().Contain("Lokale werkgroep ondermijning (LWO)")
            .And.NotContain(h => h.Contains("CCV"), "Maastricht has no case on the protocol");
    }
}

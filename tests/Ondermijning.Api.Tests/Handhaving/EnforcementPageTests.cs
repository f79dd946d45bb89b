using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Handhaving;

/// <summary>
/// Each register of the work parallel to the chain, as the OOV regisseur uses it on the pages: the form records one,
/// linked to a case where the record takes one, the API then serves it, the list of its year shows it, and a user of
/// another municipality finds it neither on the page nor through the API.
/// </summary>
public class EnforcementPageTests
{
    [Theory]
    [InlineData("/handhaving/bibob", "/api/bibob-screenings", "permitType", "PAGINAMERK horeca",
        "datum=2024-05-21&soort=in-depth&vergunning=PAGINAMERK horeca&uitkomst=permit-or-manager-refused", true)]
    [InlineData("/handhaving/sluitingen", "/api/drug-premises-closures", "premises", "PAGINAMERK Markt 1",
        "sluitingsdatum=2024-05-21&pand=PAGINAMERK Markt 1&maanden=6", true)]
    [InlineData("/handhaving/straathandel", "/api/street-dealing-penalties", "party", "seller",
        "datum=2024-05-21&partij=seller", true)]
    [InlineData("/handhaving/bewustwording", "/api/awareness-activities", "programme", "PAGINAMERK ONDERSCHAT",
        "datum=2024-05-21&soort=action-day&programma=PAGINAMERK ONDERSCHAT&gesprekken=12", false)]
    [InlineData("/handhaving/fenomeenonderzoek", "/api/phenomenon-studies", "subject", "paginamerk kappers",
        "onderwerpsoort=branch&onderwerp=PAGINAMERK kappers&aanleiding=mot&startdatum=2024-05-21", true)]
    public async Task The_form_records_one_that_the_API_serves_and_another_municipality_does_not_see(string page, string api,
        string property, string expected, string form, bool linksCase)
    {
        await using var factory = PageAccessTests.Factory();
        var caseId = (await factory.CreateClient().RegisterAsync()).Str("id");
        var oov = await factory.SignInOnPagesAsync("demo-oov");
        var html = await oov.GetStringAsync(page);
        html.Should().Contain("<form method=\"post\"");

        var fields = form.Split('&').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        fields["gemeente"] = "GM0935";
        if (linksCase) fields["zaak"] = CaseCode(caseId);
        var saved = await oov.PostFormAsync(page, html, fields);
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        var list = await saved.Content.ReadAsStringAsync();
        list.Should().Contain("is vastgelegd").And.Contain("1 registratie in Maastricht in 2024");

        var stored = (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"{api}?municipality=GM0935&year=2024"))!;
        var record = stored["items"]!.AsArray().Should().ContainSingle().Subject!;
        record.Str(property).Should().Be(expected);
        if (linksCase) record.Str("caseId").Should().Be(caseId);
        (await factory.CreateClient().GetAsync($"{api}/{record.Str("id")}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var heerlenApi = factory.CreateClientFor("oov-heerlen", "gemeente", ["oov-regisseur"], ["GM0917"]);
        (await heerlenApi.GetAsync($"{api}/{record.Str("id")}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await heerlenApi.GetAsync($"{api}?municipality=GM0935")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var heerlen = await factory.SignInOnPagesAsync("demo-oov-heerlen");
        foreach (var address in new[] { $"{page}?jaar=alle", $"{page}?jaar=2024&gemeente=GM0935" })
        {
            var theirs = await heerlen.GetAsync(address);
            await theirs.ShouldHaveStatus(HttpStatusCode.OK);
            (await theirs.Content.ReadAsStringAsync()).Should().NotContain("PAGINAMERK", address).And.NotContain("paginamerk", address)
                .And.Contain("0 registraties in Heerlen", address);
        }
    }

    internal static string CaseCode(string caseId) => caseId.Replace("-", "")[^8..].ToUpperInvariant();
}

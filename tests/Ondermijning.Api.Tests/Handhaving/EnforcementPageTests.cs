using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Handhaving;

/// <summary>
/// Each register of the work parallel to the chain, as the OOV regisseur uses it on the pages: the form records one,
/// linked to a case where the record takes one (and the case page lists it), the API then serves it, the list of its year
/// shows it, and a user of another municipality finds it neither on the page nor through the API.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class EnforcementPageTests
{
    [Theory]
    [InlineData("/handhaving/bibob", "/api/bibob-screenings", "permitType", "PAGINAMERK horeca",
        "datum=2024-05-21&soort=in-depth&vergunning=PAGINAMERK horeca&uitkomst=permit-or-manager-refused", "Bibob-screening (Verdiepend onderzoek, PAGINAMERK horeca)")]
    [InlineData("/handhaving/sluitingen", "/api/drug-premises-closures", "premises", "PAGINAMERK Markt 1",
        "sluitingsdatum=2024-05-21&pand=PAGINAMERK Markt 1&maanden=6", "Sluiting drugspand PAGINAMERK Markt 1 vanaf 21 mei 2024")]
    [InlineData("/handhaving/straathandel", "/api/street-dealing-penalties", "party", "seller",
        "datum=2024-05-21&partij=seller", "Dwangsom straathandel (verkoper), 21 mei 2024")]
    [InlineData("/handhaving/bewustwording", "/api/awareness-activities", "programme", "PAGINAMERK ONDERSCHAT",
        "datum=2024-05-21&soort=action-day&programma=PAGINAMERK ONDERSCHAT&gesprekken=12", null)]
    [InlineData("/handhaving/fenomeenonderzoek", "/api/phenomenon-studies", "subject", "paginamerk kappers",
        "onderwerpsoort=branch&onderwerp=PAGINAMERK kappers&aanleiding=mot&startdatum=2024-05-21", "Fenomeenonderzoek naar branche ‘paginamerk kappers’ vanaf 21 mei 2024 (loopt)")]
    public async Task The_form_records_one_that_the_API_serves_and_another_municipality_does_not_see(string page, string api,
        string property, string expected, string form, string? onTheCasePage)
    {
        await using var factory = PageAccessTests.Factory();
        var caseId = (await factory.CreateClient().RegisterAsync()).Str("id");
        var oov = await factory.SignInOnPagesAsync("demo-oov");
        var html = await oov.GetStringAsync(page);
        html.Should().Contain("<form method=\"post\"");

        var fields = form.Split('&').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        fields["gemeente"] = "GM0935";
        var linksCase = onTheCasePage is not null;
        if (linksCase) fields["zaak"] = CaseCode(caseId);
        var saved = await oov.PostFormAsync(page, html, fields);
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        var list = await saved.Content.ReadAsStringAsync();
        list.Should().Contain("is vastgelegd").And.Contain("1 registratie in Maastricht in 2024");

        var stored = (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"{api}?municipality=GM0935&year=2024"))!;
        var record = stored["items"]!.AsArray().Should().ContainSingle().Subject!;
        record.Str(property).Should().Be(expected);
        if (linksCase)
        {
            record.Str("caseId").Should().Be(caseId);
            System.Net.WebUtility.HtmlDecode(await oov.GetStringAsync($"/zaken/{caseId}")).Should().Contain(onTheCasePage);
        }
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

    [Fact]
    public async Task A_running_phenomenon_study_is_completed_on_the_page_and_not_by_another_municipality()
    {
        await using var factory = PageAccessTests.Factory();
        var created = await factory.CreateClient().PostAsJsonAsync("/api/phenomenon-studies",
            new { municipality = "GM0935", subjectKind = "area", subject = "6211", origin = "proposal", startedOn = "2024-03-01" });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!.Str("id");
        var end = new Dictionary<string, string> { ["onderzoek"] = id, ["stand"] = "completed", ["datum"] = "2024-05-31", ["resultaat"] = "Drie panden gesloten" };

        var heerlen = await factory.SignInOnPagesAsync("demo-oov-heerlen");
        var theirs = await heerlen.PostFormAsync("/handhaving/fenomeenonderzoek?handler=Beeindigen",
            await heerlen.GetStringAsync("/handhaving/fenomeenonderzoek"), end);
        theirs.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await theirs.Content.ReadAsStringAsync()).Should().Contain("bestaat niet (meer) in uw gemeente(n)").And.NotContain("6211");

        var oov = await factory.SignInOnPagesAsync("demo-oov");
        var page = await oov.GetStringAsync("/handhaving/fenomeenonderzoek");
        System.Net.WebUtility.HtmlDecode(page).Should().Contain("Onderzoek naar ‘6211’ afronden of stoppen");
        var early = await oov.PostFormAsync("/handhaving/fenomeenonderzoek?handler=Beeindigen", page, new(end) { ["datum"] = "2024-02-01" });
        early.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        System.Net.WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()).Should().Contain("De datum ligt vóór de start van het onderzoek.").And.Contain("aria-invalid=\"true\"")
            .And.Contain("Drie panden gesloten", "what was typed stays");
        var ended = await oov.PostFormAsync("/handhaving/fenomeenonderzoek?handler=Beeindigen", page, end);
        await ended.ShouldHaveStatus(HttpStatusCode.OK);
        (await ended.Content.ReadAsStringAsync()).Should().Contain("Het fenomeenonderzoek is afgerond.");

        var study = (await factory.CreateClient().GetFromJsonAsync<JsonObject>($"/api/phenomenon-studies/{id}"))!;
        (study.Str("status"), study.Str("endedOn"), study.Str("result")).Should().Be(("completed", "2024-05-31", "Drie panden gesloten"));
    }

    internal static string CaseCode(string caseId) => caseId.Replace("-", "")[^8..].ToUpperInvariant();
}

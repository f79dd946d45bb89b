using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Handhaving;

/// <summary>
/// The regisseur's and administrator's pages beside the chain, used as a person would: the printed case file (logged
/// as an export, and nothing of another municipality's case), the monthly reports, the kinds of intervention, the
/// retention run and the background jobs.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public class AdministrationPageTests
{
    [Fact]
    public async Task The_printed_case_file_shows_what_the_reader_may_see_and_is_logged_as_an_export()
    {
        await using var factory = PageAccessTests.Factory();
        var api = factory.CreateClient();
        var id = (await api.RegisterAsync(ApiClient.Signal(description: "AFDRUKMERK kapsalon"))).Str("id");
        await api.MoveToAsync(id, "lwo");
        await (await api.AddItemAsync(id, "open", "gemeente", "AFDRUKGEHEIM inhoud")).ShouldHaveStatus(HttpStatusCode.Created);

        // The statistics reader may export a case but not read its gated items: the file says one is withheld.
        var reader = await factory.SignInOnPagesAsync("demo-statistiek");
        var printed = await reader.GetAsync($"/zaken/{id}/afdrukken");
        await printed.ShouldHaveStatus(HttpStatusCode.OK);
        var html = await printed.Content.ReadAsStringAsync();
        html.Should().Contain("AFDRUKMERK").And.Contain("2 items niet zichtbaar", "the gated item and the finding the confirmation rests on").And.NotContain("AFDRUKGEHEIM").And.Contain("Maastricht");
        (await (await factory.SignInOnPagesAsync("demo-oov")).GetStringAsync($"/zaken/{id}")).Should().Contain($"/zaken/{id}/afdrukken");

        var admin = factory.CreateClientFor("beheerder", "gemeente", ["beheerder"], ["GM0935"]);
        var log = (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/access-log?caseId={id}"))!;
        log.Should().Contain(r => r!.Str("action") == "export" && r!.Str("userId") == "demo-statistiek" && r!.Str("processingActivity") == "dossier-exporteren");

        var heerlen = await factory.SignInOnPagesAsync("demo-oov-heerlen");
        var refused = await heerlen.GetAsync($"/zaken/{id}/afdrukken");
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await refused.Content.ReadAsStringAsync()).Should().NotContain("AFDRUKMERK");
        (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/access-log?userId=demo-oov-heerlen"))!.Should().BeEmpty("a refused print logs nothing");
    }

    [Fact]
    public async Task The_monthly_reports_are_listed_with_their_downloads()
    {
        await using var factory = PageAccessTests.Factory();
        var reader = await factory.SignInOnPagesAsync("demo-statistiek");
        var page = await reader.GetStringAsync("/rapporten");
        // At start-up the overview of the month before the clock's (June 2024) is produced.
        page.Should().Contain("mei 2024").And.Contain("href=\"/api/reports/monthly/2024/5\"");
        var download = await reader.GetAsync("/api/reports/monthly/2024/5");
        await download.ShouldHaveStatus(HttpStatusCode.OK);
        (await download.Content.ReadAsStringAsync()).Should().Contain("\"month\": \"2024-05\"");
        (await (await factory.SignInOnPagesAsync("demo-politie")).GetAsync("/rapporten")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_kind_of_intervention_added_on_the_page_is_served_by_the_API()
    {
        await using var factory = PageAccessTests.Factory();
        var oov = await factory.SignInOnPagesAsync("demo-oov");
        var page = await oov.GetStringAsync("/beheer/interventiesoorten");
        var saved = await oov.PostFormAsync("/beheer/interventiesoorten", page,
            new() { ["soort"] = "bestuurlijk", ["naam"] = "Sluiting bedrijfspand", ["code"] = "sluiting-bedrijfspand" });
        await saved.ShouldHaveStatus(HttpStatusCode.OK);
        (await saved.Content.ReadAsStringAsync()).Should().Contain("is toegevoegd").And.Contain("Sluiting bedrijfspand");
        var kind = (await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/intervention-subtypes/sluiting-bedrijfspand"))!;
        (kind.Str("type"), kind.Str("label")).Should().Be(("bestuurlijk", "Sluiting bedrijfspand"));

        var again = await oov.PostFormAsync("/beheer/interventiesoorten", page,
            new() { ["soort"] = "fiscaal", ["naam"] = "Dubbel", ["code"] = "sluiting-bedrijfspand" });
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).Should().Contain("Er bestaat al een interventiesoort met deze code").And.Contain("aria-invalid=\"true\"");
    }

    [Fact]
    public async Task The_retention_run_on_the_page_erases_only_the_administrators_own_municipalities()
    {
        await using var factory = new ApiFactory
        {
            DemoUsers = true,
            Municipalities = ["GM0935", "GM0917"],
        };
        var api = factory.CreateClient();
        var ids = new Dictionary<string, string>();
        foreach (var municipality in new[] { "GM0935", "GM0917" })
        {
            var id = (await api.RegisterAsync(ApiClient.Signal(municipality: municipality))).Str("id");
            await api.FireOkAsync(id, "start-verrijking");
            await api.RejectSignalAsync(id, "Open bronnen bevestigen het niet");
            ids[municipality] = id;
        }
        factory.Clock.Advance(NodaTime.Duration.FromDays(7 * 31));

        var admin = await factory.SignInOnPagesAsync("demo-beheerder");
        var page = await admin.GetStringAsync("/beheer/bewaartermijnen");
        page.Should().Contain("6 maanden").And.Contain("Nog niet uitgevoerd");
        var run = await admin.PostFormAsync("/beheer/bewaartermijnen", page, []);
        await run.ShouldHaveStatus(HttpStatusCode.OK);
        (await run.Content.ReadAsStringAsync()).Should().Contain("van 1 zaak zijn de persoonsgegevens gewist");

        (await api.GetStringAsync($"/api/cases/{ids["GM0935"]}")).Should().NotContain("J. Jansen");
        (await api.GetStringAsync($"/api/cases/{ids["GM0917"]}")).Should().Contain("J. Jansen", "Heerlen's case is not this administrator's to erase");
        (await (await factory.SignInOnPagesAsync("demo-oov")).GetAsync("/beheer/bewaartermijnen")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_background_jobs_are_shown_to_administrators_only()
    {
        await using var factory = PageAccessTests.Factory();
        var admin = await factory.SignInOnPagesAsync("demo-beheerder");
        var page = await admin.GetStringAsync("/beheer/taken");
        page.Should().Contain("Bewaartermijnen: persoonsgegevens wissen").And.Contain("Maandoverzicht maken").And.Contain("data-job=\"retention\"");
        (await admin.GetStringAsync("/")).Should().Contain("href=\"/beheer/taken\"").And.Contain("href=\"/beheer/bewaartermijnen\"");
        (await (await factory.SignInOnPagesAsync("demo-oov")).GetAsync("/beheer/taken")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

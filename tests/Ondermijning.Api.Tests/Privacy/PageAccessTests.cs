using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// The gate on the pages, signed in as a person would (the demo users' cookie): a user of another municipality finds
/// nothing of a case on the case page, the board or an agenda; an agenda is only for the organisations seated at that
/// table; a seated partner who cannot decide sees the agenda without decision controls. And an administrator's
/// retention run erases only their own municipalities' cases.
/// </summary>
public class PageAccessTests
{
    private const string Marker = "PAGEMARKER drukte bij een kapsalon";

    /// <summary>The shipped demo users, plus an OOV regisseur and an administrator of Heerlen.</summary>
    internal static ApiFactory Factory() => new()
    {
        DemoUsers = true,
        Settings = new Dictionary<string, string>
        {
            ["Identity:Development:Users:15:UserId"] = "demo-oov-heerlen",
            ["Identity:Development:Users:15:Name"] = "OOV Heerlen",
            ["Identity:Development:Users:15:Organisation"] = "gemeente",
            ["Identity:Development:Users:15:Roles:0"] = "oov-regisseur",
            ["Identity:Development:Users:15:Municipalities:0"] = "GM0917",
        },
    };

    [Fact]
    public async Task A_user_of_another_municipality_finds_nothing_of_a_case_on_any_page()
    {
        await using var factory = Factory();
        var oov = factory.CreateClient();
        var id = (await oov.RegisterAsync(ApiClient.Signal(description: Marker))).Str("id");
        await oov.MoveToAsync(id, "lwo");

        var heerlen = await factory.SignInOnPagesAsync("demo-oov-heerlen");
        var casePage = await heerlen.GetAsync($"/zaken/{id}");
        casePage.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await casePage.Content.ReadAsStringAsync()).Should().NotContain("PAGEMARKER");
        foreach (var page in new[] { "/", "/tafels/lwo" })
        {
            var response = await heerlen.GetAsync(page);
            await response.ShouldHaveStatus(HttpStatusCode.OK);
            var html = await response.Content.ReadAsStringAsync();
            html.Should().NotContain("PAGEMARKER", page).And.NotContain(id, page);
        }

        // The same pages show the case to its own municipality, so the absence above is the gate's doing.
        var maastricht = await factory.SignInOnPagesAsync("demo-oov");
        (await (await maastricht.GetAsync($"/zaken/{id}")).Content.ReadAsStringAsync()).Should().Contain("PAGEMARKER");
        (await maastricht.GetStringAsync("/tafels/lwo")).Should().Contain(id);
    }

    [Fact]
    public async Task An_agenda_is_only_for_the_organisations_seated_at_that_table_and_shows_controls_only_to_who_can_decide()
    {
        await using var factory = Factory();
        var oov = factory.CreateClient();
        var id = (await oov.RegisterAsync(ApiClient.Signal(description: Marker))).Str("id");
        await oov.MoveToAsync(id, "lwo");

        // Customs is not seated at the LWO: no agenda, and no menu entry for it.
        var customs = await factory.SignInOnPagesAsync("demo-douane");
        (await customs.GetAsync("/tafels/lwo")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await customs.GetStringAsync("/definities")).Should().NotContain("href=\"/tafels/lwo\"");

        // The police sit at the LWO but take none of its steps (the definition gives them to the OOV regisseur).
        var police = await factory.SignInOnPagesAsync("demo-politie");
        var agenda = await police.GetStringAsync("/tafels/lwo");
        agenda.Should().Contain(id).And.NotContain("name=\"besluiten[0].Stap\"").And.NotContain("Besluiten vastleggen");
        (await (await factory.SignInOnPagesAsync("demo-oov")).GetStringAsync("/tafels/lwo")).Should().Contain("Besluiten vastleggen");
    }

    [Fact]
    public async Task An_administrators_retention_run_erases_only_the_cases_of_their_own_municipalities()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var oov = factory.CreateClient();
        var ids = new Dictionary<string, string>();
        foreach (var municipality in new[] { "GM0935", "GM0917" })
        {
            var id = (await oov.RegisterAsync(ApiClient.Signal(municipality: municipality))).Str("id");
            await oov.FireOkAsync(id, "start-verrijking");
            await oov.RejectSignalAsync(id, "Open bronnen bevestigen het niet");
            ids[municipality] = id;
        }
        factory.Clock.Advance(NodaTime.Duration.FromDays(7 * 31));

        var admin = factory.CreateClientFor("beheerder-maastricht", "gemeente", ["beheerder"], ["GM0935"]);
        var run = await admin.PostAsync("/api/admin/retention/run", null);
        await run.ShouldHaveStatus(HttpStatusCode.OK);
        (await run.Content.ReadFromJsonAsync<JsonObject>())!["erasedCases"]!.GetValue<int>().Should().Be(1);

        // The signal names the person J. Jansen: erased from Maastricht's case, kept on Heerlen's.
        (await oov.GetStringAsync($"/api/cases/{ids["GM0935"]}")).Should().NotContain("J. Jansen");
        (await oov.GetStringAsync($"/api/cases/{ids["GM0917"]}")).Should().Contain("J. Jansen", "Heerlen's case is not this administrator's to erase");
    }
}

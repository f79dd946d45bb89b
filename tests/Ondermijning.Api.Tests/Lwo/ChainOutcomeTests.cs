using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Lwo;

public class ChainOutcomeTests
{
    private static async Task<string> AtLwoAsync(HttpClient client, string severity = "hoog")
    {
        var id = (await client.RegisterAsync(ApiClient.Signal(severity: severity))).Str("id");
        await client.FireOkAsync(id, "start-verrijking");
        await client.ConfirmSignalAsync(id);
        return id;
    }

    [Fact]
    public async Task Firing_an_LWO_step_records_the_route_the_partner_the_reason_and_the_meeting_date()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = await AtLwoAsync(client);

        await client.FireOkAsync(id, "naar-ketenpartner", "Vermoeden van voedselfraude",
            new Dictionary<string, string> { ["vergaderdatum"] = "2024-05-30", ["ketenpartner"] = "NVWA" });

        var decisions = (await client.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/lwo-decisions"))!;
        var decision = decisions.Should().ContainSingle().Which!;
        decision.Str("route").Should().Be("ketenpartner");
        decision.Str("chainPartner").Should().Be("NVWA");
        decision.Str("reason").Should().Be("Vermoeden van voedselfraude");
        decision.Str("meetingDate").Should().Be("2024-05-30");
    }

    [Fact]
    public async Task A_meeting_date_that_is_not_a_date_refuses_the_step_and_leaves_the_case_where_it_was()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = await AtLwoAsync(client);

        var response = await client.FireAsync(id, "naar-politie", information: new Dictionary<string, string> { ["vergaderdatum"] = "vorige week" });

        (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["information.vergaderdatum"].Should().NotBeNull();
        (await client.GetCaseAsync(id)).Str("stage.id").Should().Be("lwo");
        (await client.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/lwo-decisions"))!.Should().BeEmpty();
    }

    [Fact]
    public async Task An_ATOM_or_MOT_decision_through_transitions_rests_on_an_inspection_or_intervention_recorded_during_this_stay()
    {
        // On v2, whose ATOM can send a case back to the LWO for a second look.
        await using var factory = new ApiFactory(clock: new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2025, 6, 2, 8, 0)));
        var client = factory.CreateClient();
        var id = (await client.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await client.MoveToAsync(id, "atom");
        var meeting = new Dictionary<string, string> { ["vergaderdatum"] = "2025-06-02" };
        var inspected = new Dictionary<string, string> { ["controledatum"] = "2025-06-02" };

        var bare = await client.FireAsync(id, "atom-herweging", "Terug naar de LWO", inspected);
        (await bare.ProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["inspection"].Should().NotBeNull("the annual table counts an inspection per ATOM decision");
        await (await client.PostAsJsonAsync($"/api/cases/{id}/atom-inspections",
            new { location = "Pand", organisations = new[] { "Politie" }, outcomes = new[] { "overig" }, otherOutcome = "Herweging" })).ShouldHaveStatus(HttpStatusCode.Created);
        factory.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        await client.FireOkAsync(id, "atom-herweging", "Terug naar de LWO", inspected);

        // Back at the ATOM, the inspection of the first stay does not carry the second decision.
        await client.FireOkAsync(id, "naar-atom", "Nog een controle", meeting);
        factory.Clock.Advance(NodaTime.Duration.FromMinutes(1));
        (await (await client.FireAsync(id, "atom-herweging", "Terug naar de LWO", inspected)).ProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["inspection"]
            .Should().NotBeNull();

        var atMot = (await client.RegisterAsync(ApiClient.Signal(severity: "hoog"))).Str("id");
        await client.MoveToAsync(atMot, "mot");
        (await (await client.FireAsync(atMot, "interventies-besloten", "Bestuurlijke aanpak", meeting)).ProblemAsync(HttpStatusCode.UnprocessableEntity))
            ["errors"]!["interventions"].Should().NotBeNull("the MOT's decision is the interventions it decided");
        await (await client.PostAsJsonAsync($"/api/cases/{atMot}/interventions", new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" }))
            .ShouldHaveStatus(HttpStatusCode.Created);
        await client.FireOkAsync(atMot, "interventies-besloten", "Bestuurlijke aanpak", meeting);
    }

    [Fact]
    public async Task ATOM_outcomes_and_MOT_interventions_belong_to_cases_that_went_there()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = await AtLwoAsync(client);

        var inspection = await client.PostAsJsonAsync($"/api/cases/{id}/atom-inspections",
            new { location = "Pand", organisations = new[] { "Politie" }, outcomes = new[] { "last-onder-dwangsom" } });
        (await inspection.ProblemAsync(HttpStatusCode.Conflict)).Str("title").Should().Contain("ATOM");

        var intervention = await client.PostAsJsonAsync($"/api/cases/{id}/interventions",
            new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" });
        (await intervention.ProblemAsync(HttpStatusCode.Conflict)).Str("title").Should().Contain("MOT");
    }

    [Fact]
    public async Task An_intervention_type_must_match_its_subtype_and_users_can_extend_the_subtypes()
    {
        await using var factory = new ApiFactory();
        var client = factory.CreateClient();
        var id = await AtLwoAsync(client);
        await client.FireOkAsync(id, "naar-mot", "Georganiseerde criminaliteit", new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });

        var mismatch = await client.PostAsJsonAsync($"/api/cases/{id}/interventions",
            new { type = "strafrechtelijk", subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" });
        (await mismatch.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Str("detail").Should().Contain("fiscaal");

        var added = await client.PostAsJsonAsync("/api/intervention-subtypes", new { code = "ontneming", type = "strafrechtelijk", label = "Ontneming wederrechtelijk verkregen voordeel" });
        await added.ShouldHaveStatus(HttpStatusCode.Created);
        var subtypes = (await client.GetFromJsonAsync<JsonArray>("/api/intervention-subtypes"))!;
        subtypes.Should().Contain(s => s!.Str("code") == "ontneming" && !s!["builtIn"]!.GetValue<bool>());
        subtypes.Should().Contain(s => s!.Str("code") == "sluiting-13b-opiumwet" && s!["builtIn"]!.GetValue<bool>());

        var created = await client.PostAsJsonAsync($"/api/cases/{id}/interventions", new { subtype = "ontneming", executingOrganisation = "OM" });
        await created.ShouldHaveStatus(HttpStatusCode.Created);
        var intervention = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        intervention.Str("type").Should().Be("strafrechtelijk");
        intervention.Str("status").Should().Be("planned");

        var executed = await client.PatchAsJsonAsync($"/api/cases/{id}/interventions/{intervention.Str("id")}", new { status = "executed" });
        await executed.ShouldHaveStatus(HttpStatusCode.OK);
        var again = await client.PatchAsJsonAsync($"/api/cases/{id}/interventions/{intervention.Str("id")}", new { status = "dropped" });
        await again.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_statistics_reader_reads_the_statistics_but_records_nothing()
    {
        await using var factory = new ApiFactory { Roles = ["statistiek"] };
        var client = factory.CreateClient();

        var bibob = await client.PostAsJsonAsync("/api/bibob-screenings",
            new { municipality = "GM0935", date = "2024-01-10", kind = "quick-scan", permitType = "horeca", outcome = "no-objection" });
        (await bibob.ProblemAsync(HttpStatusCode.Forbidden)).Str("detail").Should().Contain("oov-regisseur");

        var statistics = await client.GetAsync("/api/statistics/annual?municipality=GM0935&year=2024");
        await statistics.ShouldHaveStatus(HttpStatusCode.OK);
    }
}

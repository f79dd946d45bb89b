using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;
using static Ondermijning.Api.Tests.Enrichment.RegisterFormats;

namespace Ondermijning.Api.Tests.Enrichment;

/// <summary>The engine proposes; only the OOV user's decision moves the case, and it records what it rests on.</summary>
public class DecisionTests : IAsyncLifetime
{
    private FakeRegisters _registers = null!;
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _registers = await FakeRegisters.StartAsync();
        _factory = new ApiFactory { Settings = _registers.Settings() };
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _registers.DisposeAsync();
    }

    private async Task<string> EnrichedCaseInEnrichment()
    {
        var id = (await _client.RegisterAsync()).Str("id");
        await _client.FireOkAsync(id, "start-verrijking");
        await _client.EnrichAsync(id);
        return id;
    }

    private Task<HttpResponseMessage> Decide(string id, bool? confirmed, string? reason, params string[] findingIds) =>
        _client.PostAsJsonAsync($"/api/cases/{id}/enrichment/decision", new { confirmed, reason, findingIds });

    [Fact]
    public async Task A_confirmed_decision_records_its_findings_and_moves_the_case_to_the_lwo()
    {
        // A hairdresser at an address that the BAG knows only as a dwelling.
        _registers.ServeFoundCompanyAndAddress(gebruiksdoelen: "woonfunctie");
        var id = await EnrichedCaseInEnrichment();

        var proposal = await _client.ProposalAsync(id);
        proposal.Str("proposal").Should().Be("confirmed");
        var addressUse = proposal["observations"]!.AsArray().Single(o => o!.Str("rule") == "address-use")!;
        addressUse["supportsSignal"]!.GetValue<bool>().Should().BeTrue();
        addressUse.Str("text").Should().Contain("alleen een woonfunctie");
        var basis = addressUse["findingIds"]!.AsArray().Select(f => f!.GetValue<string>()).ToArray();

        var response = await Decide(id, true, "Kapper op woonadres; agenderen", basis);

        await response.ShouldHaveStatus(HttpStatusCode.OK);
        var @case = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        @case.Str("stage.id").Should().Be("lwo");
        var step = @case["history"]!.AsArray().Last()!;
        step.Str("trigger").Should().Be("bevestigd-naar-lwo");
        var decisions = (await _client.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/enrichment/decisions"))!;
        var decision = decisions.Should().ContainSingle().Subject!;
        decision["confirmed"]!.GetValue<bool>().Should().BeTrue();
        decision.Str("proposal").Should().Be("confirmed");
        decision.Str("reason").Should().Be("Kapper op woonadres; agenderen");
        decision["findingIds"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal(basis);
        decision.Str("decidedBy.id").Should().Be("test-oov");
    }

    [Fact]
    public async Task A_not_confirmed_decision_needs_a_reason_and_closes_the_case()
    {
        _registers.ServeFoundCompanyAndAddress();
        var id = await EnrichedCaseInEnrichment();
        (await _client.ProposalAsync(id)).Str("proposal").Should().Be("not-confirmed",
            "an active hairdresser, long registered, in a shop in the signal's city, alone at its address");

        var withoutReason = await Decide(id, false, null);
        var problem = await withoutReason.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["reason"].Should().NotBeNull();
        (await _client.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/enrichment/decisions"))!.Should().BeEmpty(
            "a refused step stores no decision");

        var response = await Decide(id, false, "Registers bevestigen het signaal niet");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        (await _client.GetCaseAsync(id)).Str("stage.id").Should().Be("niet-bevestigd");
    }

    [Fact]
    public async Task A_decision_on_findings_of_another_case_or_without_findings_is_refused()
    {
        _registers.ServeFoundCompanyAndAddress();
        var id = await EnrichedCaseInEnrichment();
        var other = await EnrichedCaseInEnrichment();
        var foreign = (await _client.FindingsAsync(other))[0]!.Str("id");

        var problem = await (await Decide(id, true, "Bevestigd", foreign)).ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["findingIds"]![0]!.GetValue<string>().Should().Contain(foreign);
        problem = await (await Decide(id, true, "Bevestigd")).ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["findingIds"]![0]!.GetValue<string>().Should().Be("Say which findings confirm the signal.");
        (await _client.GetCaseAsync(id)).Str("stage.id").Should().Be("verrijking");
    }

    [Fact]
    public async Task A_decision_before_enrichment_has_started_is_a_409_that_names_the_possible_step()
    {
        _registers.ServeFoundCompanyAndAddress();
        var id = (await _client.RegisterAsync()).Str("id");
        await _client.EnrichAsync(id);
        var finding = (await _client.FindingsAsync(id))[0]!.Str("id");

        var problem = await (await Decide(id, true, "Bevestigd", finding)).ProblemAsync(HttpStatusCode.Conflict);
        problem.Str("detail").Should().Contain("start-verrijking");
    }
}

using System.Text.Json.Nodes;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Enrichment;
using static Ondermijning.Api.Tests.Enrichment.RegisterFormats;

namespace Ondermijning.Api.Tests.Enrichment;

/// <summary>
/// The real KvK and BAG adapters over HTTP against local stand-ins that answer in the registers' formats:
/// whatever the register does, the case gets findings the user understands and stays where it was.
/// </summary>
public class RegisterAdapterTests : IAsyncLifetime
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

    private async Task<string> NewCase() => (await _client.RegisterAsync()).Str("id");

    private async Task CaseIsUntouched(string caseId)
    {
        var @case = await _client.GetCaseAsync(caseId);
        @case.Str("stage.id").Should().Be("ontvangen", "the registers inform the decision; they never move the case");
        @case.Int("revision").Should().Be(1);
    }

    [Fact]
    public async Task A_found_company_and_address_become_findings_with_provenance()
    {
        _registers.ServeFoundCompanyAndAddress();
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        run["skippedProviders"]!.AsArray().Should().BeEmpty();
        var findings = await _client.FindingsAsync(id);
        findings.Select(f => f!.Str("kind")).Should().BeEquivalentTo(
            ["kvk-profile", "kvk-companies-at-address", "bag-address", "bag-verblijfsobject", "bag-pand"]);
        findings.Should().AllSatisfy(f => f!.Str("status").Should().Be("found"));

        var profile = findings.Single("kvk-profile");
        profile.Str("source").Should().Be("kvk");
        profile.Str("subject").Should().Be(KvkNumber);
        profile.Str("summary").Should().StartWith("Kapsalon De Schaar (KvK-nummer 12345678) staat actief ingeschreven sinds 2015-03-12");
        profile["facts"]!["tradeNames"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("Kapsalon De Schaar", "De Schaar Barbershop");
        profile["facts"]!["activities"]![0]!.Str("code").Should().Be("96021");
        profile["facts"]!["active"]!.GetValue<bool>().Should().BeTrue();
        profile["facts"]!["addresses"]![0]!.Str("place").Should().Be("Maastricht");
        var provenance = profile["provenance"]!;
        provenance.Str("register").Should().Be("kvk");
        provenance.Str("sourceOrganisation").Should().Be("Kamer van Koophandel (Handelsregister)");
        provenance.Str("requestUrl").Should().Be(_registers.KvkUrl + "api/v1/basisprofielen/12345678");
        provenance.Str("rawResponse").Should().Be(Basisprofiel());
        provenance.Int("responseStatus").Should().Be(200);
        provenance.Str("retrievedAt").Should().Be("2024-06-03T08:00:00Z");
        provenance.Str("recordedBy.id").Should().Be("test-oov");
        provenance.Str("runId").Should().Be(run.Str("runId"));

        var unit = findings.Single("bag-verblijfsobject");
        unit["facts"]!["gebruiksdoelen"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("winkelfunctie");
        unit["facts"]!.Int("oppervlakte").Should().Be(85);
        unit.Str("provenance.requestUrl").Should().Be(_registers.BagUrl + "verblijfsobjecten/" + VerblijfsobjectId);
        findings.Single("bag-pand")["facts"]!.Int("constructionYear").Should().Be(1932);
        findings.Single("bag-address").Str("summary").Should().Be("BAG-adres Grote Straat 12, 6211AB Maastricht.");

        findings.Select(f => f!.Str("provenance.requestUrl")).Should().NotContain(url => url.Contains("test-kvk-key") || url.Contains("test-bag-key"));

        // Every answer is also an open-source information item on the case, naming its register, request and finding.
        var items = (await _client.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/items"))!["items"]!.AsArray();
        items.Should().HaveCount(findings.Count);
        items.Should().AllSatisfy(i =>
        {
            i!.Str("category").Should().Be("open");
            i!.Str("confidentiality").Should().Be("openbaar");
        });
        var profileItem = items.Single(i => i!.Str("content").Contains($"bevinding {profile.Str("id")}"))!;
        profileItem.Str("content").Should().StartWith("Kapsalon De Schaar (KvK-nummer 12345678) staat actief ingeschreven")
            .And.Contain(_registers.KvkUrl + "api/v1/basisprofielen/12345678");
        profileItem.Str("legalBasis").Should().Be("Openbaar register: Handelsregisterwet 2007");
        _registers.RequestsTo(ProfilePath).Single().Headers["apikey"].Should().Be("test-kvk-key");
        _registers.RequestsTo(VerblijfsobjectPath).Single().Headers["X-Api-Key"].Should().Be("test-bag-key");
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task A_second_run_within_the_cache_lifetime_reuses_the_answers_and_their_retrieval_moment()
    {
        _registers.ServeFoundCompanyAndAddress();
        var id = await NewCase();
        await _client.EnrichAsync(id);
        _factory.Clock.Advance(Duration.FromMinutes(5));

        var second = await _client.EnrichAsync(id);

        _registers.RequestsTo(ProfilePath).Should().HaveCount(1);
        second.FindingOf("kvk-profile").Str("provenance.retrievedAt").Should().Be("2024-06-03T08:00:00Z");
        (await _client.FindingsAsync(id)).Should().HaveCount(10, "each run keeps its own findings");
    }

    [Fact]
    public async Task An_unknown_kvk_number_becomes_a_not_found_finding()
    {
        _registers.ServeFoundCompanyAndAddress();
        var fout = KvkFout("IPD0005", "Het KvK-nummer 12345678 is niet gevonden.");
        _registers.On(ProfilePath, new Reply(404, fout));
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        var profile = run.FindingOf("kvk-profile");
        profile.Str("status").Should().Be("not-found");
        profile.Str("summary").Should().Be("KvK-nummer 12345678 niet gevonden in het Handelsregister.");
        profile.Int("provenance.responseStatus").Should().Be(404);
        profile.Str("provenance.rawResponse").Should().Be(fout);
        _registers.RequestsTo(ProfilePath).Should().HaveCount(1, "a 404 is an answer, not a transient failure");
        var proposal = await _client.ProposalAsync(id);
        proposal["observations"]!.AsArray().Should().Contain(o =>
            o!.Str("rule") == "company-exists" && o!.Str("text") == "KvK-nummer 12345678 niet gevonden in het Handelsregister.");
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_the_register_asks_for()
    {
        _registers.ServeFoundCompanyAndAddress();
        _registers.On(ProfilePath, new Reply(429, KvkFout("IPD1002", "Te veel verzoeken."), RetryAfter: "1"), Reply.Ok(Basisprofiel()));
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        run.FindingOf("kvk-profile").Str("status").Should().Be("found");
        var attempts = _registers.RequestsTo(ProfilePath);
        attempts.Should().HaveCount(2);
        (attempts[1].At - attempts[0].At).Should().BeGreaterThan(TimeSpan.FromMilliseconds(900),
            "the back-off in these tests is 10 ms, so only Retry-After explains the wait");
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task A_500_followed_by_success_is_retried_and_found()
    {
        _registers.ServeFoundCompanyAndAddress();
        _registers.On(VerblijfsobjectPath, new Reply(500, "{\"status\":500,\"title\":\"Internal Server Error\"}"), Reply.Ok(Verblijfsobject("woonfunctie")));
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        var unit = run.FindingOf("bag-verblijfsobject");
        unit.Str("status").Should().Be("found");
        unit.Str("summary").Should().Be($"Verblijfsobject {VerblijfsobjectId}: gebruiksdoel woonfunctie, 85 m², status 'Verblijfsobject in gebruik'.");
        _registers.RequestsTo(VerblijfsobjectPath).Should().HaveCount(2);
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task A_register_that_keeps_failing_becomes_a_failed_finding_after_the_retries()
    {
        _registers.ServeFoundCompanyAndAddress();
        _registers.On(ProfilePath, new Reply(503, "Service Unavailable"));
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        var profile = run.FindingOf("kvk-profile");
        profile.Str("status").Should().Be("failed");
        profile.Str("summary").Should().Be("de KvK had een storing (status 503), ook na herhaalde pogingen. Probeer de verrijking later opnieuw.");
        _registers.RequestsTo(ProfilePath).Should().HaveCount(3, "one attempt and two retries");
        run.FindingOf("bag-verblijfsobject").Str("status").Should().Be("found", "one register failing does not stop the others");
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task A_register_that_does_not_answer_in_time_becomes_a_failed_finding()
    {
        _registers.ServeFoundCompanyAndAddress();
        _registers.On(ProfilePath, new Reply(200, Basisprofiel(), Delay: TimeSpan.FromSeconds(30)));
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        var profile = run.FindingOf("kvk-profile");
        profile.Str("status").Should().Be("failed");
        profile.Str("summary").Should().Be("de KvK antwoordde niet op tijd, ook niet na herhaalde pogingen. Probeer de verrijking later opnieuw.");
        profile["provenance"]!["responseStatus"].Should().BeNull();
        profile.Str("provenance.requestUrl").Should().Be(_registers.KvkUrl + "api/v1/basisprofielen/12345678");
        _registers.RequestsTo(ProfilePath).Should().HaveCount(3);
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task Malformed_json_becomes_a_failed_finding_that_keeps_the_answer_for_audit()
    {
        _registers.ServeFoundCompanyAndAddress();
        const string broken = "{\"kvkNummer\": \"12345678\", \"naam\": ";
        _registers.On(ProfilePath, Reply.Ok(broken));
        var id = await NewCase();

        var run = await _client.EnrichAsync(id);

        var profile = run.FindingOf("kvk-profile");
        profile.Str("status").Should().Be("failed");
        profile.Str("summary").Should().StartWith("Het antwoord van de KvK was onleesbaar of onvolledig");
        profile.Str("provenance.rawResponse").Should().Be(broken);
        await CaseIsUntouched(id);
    }

    [Fact]
    public async Task A_company_known_by_name_and_place_is_searched_and_then_its_profile_fetched()
    {
        _registers.ServeFoundCompanyAndAddress();
        const string searchPath = "/kvk/api/v2/zoeken?naam=Kapsalon%20De%20Schaar&plaats=Maastricht";
        _registers.On(searchPath, Reply.Ok("""
            { "pagina": 1, "resultatenPerPagina": 10, "totaal": 1, "resultaten": [ {
              "kvkNummer": "12345678", "naam": "Kapsalon De Schaar", "type": "hoofdvestiging", "actief": "Ja",
              "adres": { "binnenlandsAdres": { "type": "bezoekadres", "straatnaam": "Grote Straat", "huisnummer": 12, "postcode": "6211AB", "plaats": "Maastricht" } },
              "links": [ { "rel": "basisprofiel", "href": "https://api.kvk.nl/api/v1/basisprofielen/12345678" } ] } ] }
            """));
        var signal = new
        {
            municipality = "GM0935", sourceChannel = "professional", description = "Kapsalon zonder klanten",
            companies = new[] { new { name = "Kapsalon De Schaar", place = "Maastricht" } },
        };
        var id = (await _client.RegisterAsync(signal)).Str("id");

        var run = await _client.EnrichAsync(id);

        var search = run.FindingOf("kvk-search");
        search.Str("subject").Should().Be("Kapsalon De Schaar, Maastricht");
        search.Str("summary").Should().Contain("KvK-nummer 12345678");
        run.FindingOf("kvk-profile").Str("status").Should().Be("found");
        _registers.RequestsTo(searchPath).Should().HaveCount(1);
        _registers.RequestsTo(ProfilePath).Should().HaveCount(1);
    }

    [Fact]
    public async Task The_job_enriches_new_signals_once_and_leaves_cases_past_enrichment_alone()
    {
        _registers.ServeFoundCompanyAndAddress();
        var received = await NewCase();
        var enriching = await NewCase();
        await _client.FireOkAsync(enriching, "start-verrijking");
        var atLwo = await NewCase();
        await _client.FireOkAsync(atLwo, "start-verrijking");
        await _client.ConfirmSignalAsync(atLwo);

        int first, second;
        using (var scope = _factory.Services.CreateScope())
            first = await scope.ServiceProvider.GetRequiredService<EnrichNewSignals>().RunAsync();
        using (var scope = _factory.Services.CreateScope())
            second = await scope.ServiceProvider.GetRequiredService<EnrichNewSignals>().RunAsync();

        first.Should().Be(2);
        second.Should().Be(0);
        foreach (var id in new[] { received, enriching })
        {
            var findings = await _client.FindingsAsync(id);
            findings.Should().HaveCount(5);
            findings.Should().AllSatisfy(f => f!.Str("provenance.recordedBy.id").Should().Be("job:verrijking"));
        }
        (await _client.FindingsAsync(atLwo)).Should().OnlyContain(f => f!.Str("kind") == "manual", "the job left it alone; its one finding is the one its confirmation rests on");
    }
}

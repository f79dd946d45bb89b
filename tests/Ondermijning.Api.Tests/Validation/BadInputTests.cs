using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Validation;

/// <summary>Input the engine's rules refuse: a 400 that names the field, never a 500, and nothing stored.</summary>
public class BadInputTests : IClassFixture<BadInputTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly HttpClient _client;

    public BadInputTests(Service service) => _client = service.Factory.CreateClient();

    private static object Signal(int i, string? personName = null, string branch = "kappers") => new
    {
        municipality = "GM0935",
        sourceChannel = "melding-gemeente",
        description = $"Signaal {i} over een kapsalon",
        branch,
        persons = new[] { new { name = personName ?? $"Persoon {i}" } },
    };

    [Fact]
    public async Task In_a_burst_of_registrations_only_the_invalid_ones_fail_with_a_400_naming_the_field_and_all_others_are_stored()
    {
        var before = await _client.CaseCountAsync();
        // One person name of 201 characters and one branch of 150 among 80 valid registrations, all at once.
        var sends = Enumerable.Range(0, 82).Select(i => i switch
        {
            30 => Signal(i, personName: new string('n', 201)),
            55 => Signal(i, branch: new string('b', 150)),
            _ => Signal(i),
        }).ToList();

        var responses = await Task.WhenAll(sends.Select(s => _client.PostAsJsonAsync("/api/signals", s)));

        (await responses[30].ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("persons[0].name");
        (await responses[55].ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("branch");
        responses.Where((_, i) => i is not (30 or 55)).Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        (await _client.CaseCountAsync()).Should().Be(before + 80);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_findings_facts_is_a_400_naming_its_path()
    {
        var id = (await _client.RegisterAsync()).Str("id");
        // A JSON escape that decodes to half a UTF-16 pair: valid JSON, but no database can store it.
        const string body = """{"source":"kadaster","note":"BRK-uittreksel","date":"2024-05-28","facts":{"eigenaren":["J. Jansen \ud800"]}}""";

        var response = await _client.PostAsync($"/api/cases/{id}/findings", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["facts.eigenaren[0]"]!.ToString().Should().Contain("surrogate");
        var findings = await _client.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/findings");
        findings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("receivedTo=9999-12-31", "receivedTo")]
    [InlineData("receivedFrom=0001-01-01", "receivedFrom")]
    [InlineData("receivedFrom=2024-13-01", "receivedFrom")]
    [InlineData("stage=%00", "stage")]
    public async Task A_case_list_query_outside_the_rules_is_a_400_naming_the_parameter(string query, string parameter) =>
        await A_query_outside_the_rules_is_a_400_naming_the_parameter($"/api/cases?{query}", parameter);

    [Theory]
    [InlineData("/api/statistics/annual?municipality=GM0935&year=99999", "year")]
    [InlineData("/api/statistics/overview?municipality=GM0935&year=99999", "year")]
    [InlineData("/api/statistics/overview?municipality=GM0935&year=2024&month=13", "month")]
    [InlineData("/api/items/search?q=%01%01%01", "q")]
    [InlineData("/api/phenomenon-studies?municipality=XX0935", "municipality")]
    public async Task A_query_outside_the_rules_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var problem = await (await _client.GetAsync(path)).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]![parameter].Should().NotBeNull();
    }

    [Fact]
    public async Task A_megabyte_intervention_subtype_code_is_refused_and_not_listed()
    {
        var response = await _client.PostAsJsonAsync("/api/intervention-subtypes", new { code = new string('a', 1_000_000), type = "bestuurlijk", label = "Groot" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["code"]!.ToString().Should().Contain("at most 64 characters");
        response.Headers.Location.Should().BeNull();
        (await _client.GetStringAsync("/api/intervention-subtypes")).Length.Should().BeLessThan(100_000);
    }

    [Fact]
    public async Task Control_characters_in_a_name_and_a_too_long_legal_basis_are_refused_with_their_paths()
    {
        var signal = await _client.PostAsJsonAsync("/api/signals", new
        {
            municipality = "GM0935", sourceChannel = "melding-gemeente", description = "Regel een\nregel twee",
            companies = new[] { new { name = "Kapsalon\u0007De Schaar", kvkNumber = "1234 5678" } },
            addresses = new[] { new { postcode = "6211 ab", houseNumber = 100_000 } },
        });
        var errors = (await signal.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key);
        errors.Should().BeEquivalentTo("companies[0].name", "addresses[0].houseNumber");

        var id = (await _client.RegisterAsync()).Str("id");
        var item = await _client.AddItemAsync(id, "open", "gemeente", "Inhoud", legalBasis: new string('g', 501));
        (await item.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["legalBasis"]!.ToString().Should().Contain("at most 500 characters");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>Every user mistake gets a 4xx RFC 9457 problem that says what to do; none is a 500.</summary>
public class ErrorTests : IClassFixture<ErrorTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly ApiFactory _factory;
    private readonly HttpClient _client;

    public ErrorTests(Service service)
    {
        _factory = service.Factory;
        _client = _factory.CreateClient();
    }

    private async Task<string> CaseAtLwo(string severity = "laag")
    {
        var id = (await _client.RegisterAsync(ApiClient.Signal(severity: severity))).Str("id");
        await _client.FireOkAsync(id, "start-verrijking");
        await _client.ConfirmSignalAsync(id);
        return id;
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await _client.PostAsync("/api/signals",
            new StringContent("{\"municipality\": \"GM0935\", ", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Str("title").Should().Be("The request could not be read");
        problem.Str("detail").Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_400_problem_that_names_the_field()
    {
        var response = await _client.PostAsync("/api/signals", new StringContent(
            """{"municipality":"GM0935","sourceChannel":"professional","description":"x","addresses":[{"postcode":"6211AB","houseNumber":"twaalf"}]}""",
            Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.Str("detail").Should().Contain("addresses[0].houseNumber");
    }

    [Fact]
    public async Task An_invalid_signal_lists_every_field_with_a_message()
    {
        var response = await _client.PostAsJsonAsync("/api/signals", new
        {
            municipality = "Maastricht",
            sourceChannel = "telefoon",
            description = " ",
            reporter = new { anonymous = false },
            companies = new[] { new { name = "X", kvkNumber = "123" } },
            addresses = new[] { new { postcode = "ABCD12", houseNumber = 0 } },
            persons = new[] { new { name = "Y", birthDate = "01-04-1980" } },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo(
            "municipality", "sourceChannel", "description", "reporter.name", "companies[0].kvkNumber",
            "addresses[0].postcode", "addresses[0].houseNumber", "persons[0].birthDate");
        errors["municipality"]![0]!.GetValue<string>().Should().Contain("GM0935");
        errors["companies[0].kvkNumber"]![0]!.GetValue<string>().Should().Be("A KvK number has exactly 8 digits.");
    }

    [Fact]
    public async Task An_unknown_severity_is_a_400_problem()
    {
        var response = await _client.PostAsJsonAsync("/api/signals", ApiClient.Signal(severity: "extreem"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["severity"]![0]!.GetValue<string>().Should().Contain("laag, gemiddeld, hoog, zeer-hoog");
    }

    [Fact]
    public async Task An_unknown_case_is_a_404_problem()
    {
        var response = await _client.GetAsync($"/api/cases/{Guid.NewGuid()}");
        (await response.ProblemAsync(HttpStatusCode.NotFound)).Str("title").Should().Be("Case not found");

        var notAnId = await _client.FireAsync("zaak-12", "start-verrijking");
        await notAnId.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_trigger_is_a_400_problem()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.FireAsync(id, "naar-de-maan");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!["trigger"]![0]!.GetValue<string>().Should().Be("'naar-de-maan' is not a step in workflow ondermijning v1.");
    }

    [Fact]
    public async Task A_step_that_does_not_lead_out_of_the_current_stage_is_a_409_problem()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.FireAsync(id, "naar-politie", information: new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        problem.Str("detail").Should().Be("The case is at stage 'Signaal ontvangen', where 'naar-politie' cannot be taken. Possible now: 'start-verrijking'.");
    }

    [Fact]
    public async Task A_missing_reason_or_required_information_is_a_422_problem_listing_what_is_missing()
    {
        var id = await CaseAtLwo();

        var response = await _client.FireAsync(id, "geen-vervolg");

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.Str("title").Should().Be("'Geen vervolg' cannot be taken yet");
        problem["errors"]!["reason"]![0]!.GetValue<string>().Should().Be("A reason is required for 'Geen vervolg'.");
        problem["errors"]!["information.vergaderdatum"]![0]!.GetValue<string>().Should().Be("'Datum van het LWO-overleg' is required for 'Geen vervolg'.");
        (await _client.GetCaseAsync(id)).Str("stage.id").Should().Be("lwo");
    }

    [Fact]
    public async Task Information_a_step_does_not_ask_for_is_refused()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.FireAsync(id, "start-verrijking", information: new Dictionary<string, string> { ["bsn"] = "123456789" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["information.bsn"]![0]!.GetValue<string>().Should().Be("'Verrijking starten' does not ask for 'bsn'.");
    }

    [Fact]
    public async Task A_case_below_the_minimum_severity_cannot_go_to_the_MOT()
    {
        var id = await CaseAtLwo(severity: "gemiddeld");
        var step = (await _client.GetCaseAsync(id))["availableSteps"]!.AsArray().Single(s => s!.Str("trigger") == "naar-mot")!;
        step["allowedNow"]!.GetValue<bool>().Should().BeFalse();
        step["blockedBy"]![0]!.GetValue<string>().Should().Contain("at least 'Hoog'");
        step["blockedFields"]![0]!.GetValue<string>().Should().Be("severity");

        var response = await _client.FireAsync(id, "naar-mot", "Georganiseerde criminaliteit",
            new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["errors"]!["severity"]![0]!.GetValue<string>().Should().Be("The severity must be at least 'Hoog'; it is 'Gemiddeld'.");
    }

    [Fact]
    public async Task A_stale_expected_revision_is_a_409_problem()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var response = await _client.FireAsync(id, "start-verrijking", expectedRevision: 7);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        problem.Str("detail").Should().Contain("revision 7").And.Contain("revision 1");
    }

    [Fact]
    public async Task Bad_list_filters_are_a_400_problem()
    {
        var response = await _client.GetAsync("/api/cases?receivedFrom=3-6-2024&pageSize=1000&municipality=X");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("receivedFrom", "pageSize", "municipality");
    }

    [Fact]
    public async Task An_unknown_workflow_version_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/workflows/ondermijning/versions/9/diagram");

        (await response.ProblemAsync(HttpStatusCode.NotFound)).Str("detail").Should().Be("There is no version 9 of workflow 'ondermijning'.");
    }

    [Fact]
    public async Task A_user_without_the_role_a_step_requires_gets_a_403_problem()
    {
        var id = (await _client.RegisterAsync()).Str("id");
        await using var analystService = new ApiFactory(_factory.Database) { Roles = ["analist"], UserId = "test-analist" };
        var analyst = analystService.CreateClient();

        var response = await analyst.FireAsync(id, "start-verrijking");

        var problem = await response.ProblemAsync(HttpStatusCode.Forbidden);
        problem.Str("detail").Should().Be("Only a user with the role oov-regisseur may do this.");
    }
}

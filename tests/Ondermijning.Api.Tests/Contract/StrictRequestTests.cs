using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// A request the API cannot take whole is refused whole, with an RFC 9457 problem that says what to fix: an unknown
/// property anywhere in the body, a body over the size limit, a method, media type or address the API does not have.
/// Nothing of a refused request is saved. The service runs on Kestrel on a loopback port, as in production: the test host
/// enforces no body limit and cannot send every malformed address.
/// </summary>
public class StrictRequestTests : IClassFixture<StrictRequestTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public Uri Address { get; private set; } = null!;

        public Task InitializeAsync()
        {
            Address = Factory.StartOnLoopback();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private readonly Service _service;
    private readonly HttpClient _client;

    public StrictRequestTests(Service service)
    {
        _service = service;
        _client = new HttpClient { BaseAddress = service.Address };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For(service.Factory.UserId, service.Factory.Organisation, service.Factory.Roles, service.Factory.Municipalities));
    }

    private static JsonObject SignalWith(Action<JsonObject> change)
    {
        var signal = JsonSerializer.SerializeToNode(ApiClient.Signal(), ApiClient.Json)!.AsObject();
        change(signal);
        return signal;
    }

    public static TheoryData<string, string> Misspellings() => new()
    {
        // The wrong name for a list of subjects: before, the subjects were dropped and the case created without them.
        { "company", """[{"name":"Kapsalon De Schaar"}]""" },
        { "person", """[{"name":"J. Jansen"}]""" },
        { "adresses", """[{"postcode":"6211AB","houseNumber":12}]""" },
    };

    [Theory]
    [MemberData(nameof(Misspellings))]
    public async Task An_unknown_property_is_a_400_that_names_it_and_nothing_is_saved(string property, string value)
    {
        var before = await _client.CaseCountAsync();
        var signal = SignalWith(s => s[property] = JsonNode.Parse(value));

        var problem = await (await _client.PostAsJsonAsync("/api/signals", signal)).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal(property);
        problem.Str("detail").Should().Contain($"'{property}'");
        (await _client.CaseCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_unknown_property_inside_a_nested_object_is_named_by_its_path()
    {
        var inReporter = SignalWith(s => s["reporter"] = new JsonObject { ["anonymous"] = false, ["name"] = "A. de Vries", ["phone"] = "06" });
        var inPerson = SignalWith(s => s["persons"]![0]!["geboortedatum"] = "1980-04-01");
        var inAddress = SignalWith(s => s["addresses"]![0]!["huisnummer"] = 12);

        foreach (var (body, path) in new[] { (inReporter, "reporter.phone"), (inPerson, "persons[0].geboortedatum"), (inAddress, "addresses[0].huisnummer") })
        {
            var problem = await (await _client.PostAsJsonAsync("/api/signals", body)).ProblemAsync(HttpStatusCode.BadRequest);
            problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal(path);
        }
    }

    [Fact]
    public async Task Every_request_body_of_the_api_is_strict_not_only_the_signal()
    {
        var id = (await _client.RegisterAsync()).Str("id");

        var transition = await _client.PostAsJsonAsync($"/api/cases/{id}/transitions", new { trigger = "start-verrijking", reden = "typo" });
        (await transition.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("reden");
        var item = await _client.PostAsJsonAsync($"/api/cases/{id}/items",
            new { category = "open", sourceOrganisation = "gemeente", legalBasis = "grondslag", content = "inhoud", confidentiality = "openbaar", categorie = "x" });
        (await item.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key).Should().Equal("categorie");
        (await _client.GetCaseAsync(id)).Str("stage.id").Should().Be("ontvangen", "the refused step was not taken");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_that_gives_the_limit()
    {
        var before = await _client.CaseCountAsync();
        var signal = SignalWith(s => s["description"] = new string('a', 300 * 1024));

        var problem = await (await _client.PostAsJsonAsync("/api/signals", signal)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        problem.Str("detail").Should().Contain("256 KB");
        (await _client.CaseCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task A_wrong_method_media_type_charset_or_address_under_api_is_a_problem_with_words()
    {
        var method = await _client.DeleteAsync("/api/cases");
        (await method.ProblemAsync(HttpStatusCode.MethodNotAllowed)).Str("detail").Should().Contain("DELETE");
        method.Content.Headers.Allow.Should().Contain("GET");

        var text = await _client.PostAsync("/api/signals", new StringContent("municipality=GM0935", Encoding.UTF8, "text/plain"));
        (await text.ProblemAsync(HttpStatusCode.UnsupportedMediaType)).Str("detail").Should().Contain("application/json");

        var charset = new StringContent("{}");
        charset.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=klingon");
        (await (await _client.PostAsync("/api/signals", charset)).ProblemAsync(HttpStatusCode.UnsupportedMediaType))
            .Str("detail").Should().Contain("UTF-8");

        var empty = await _client.PostAsync("/api/signals", new StringContent("", Encoding.UTF8, "application/json"));
        (await empty.ProblemAsync(HttpStatusCode.BadRequest)).Str("title").Should().Be("The request has no body");

        (await (await _client.GetAsync("/api/no-such-thing")).ProblemAsync(HttpStatusCode.NotFound)).Str("detail").Should().Contain("address");
    }

    [Fact]
    public async Task A_null_character_in_the_address_is_refused_by_kestrel_itself_before_the_service_sees_it()
    {
        // Kestrel refuses a request line it cannot decode with a bare 400 and closes the connection; no middleware runs,
        // so this answer cannot be problem+json (the README says so).
        using var raw = new HttpClient { BaseAddress = _service.Address };
        var response = await raw.GetAsync("/api/cases/%00");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.ConnectionClose.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task A_query_value_of_the_wrong_type_names_the_parameter()
    {
        var problem = await (await _client.GetAsync("/api/cases?page=twee")).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["page"]![0]!.GetValue<string>().Should().Be("'twee' is not a valid page; give a whole number.");
    }

    /// <summary>
    /// Every whole number a GET takes in its query, as the OpenAPI document lists them, optional ones too (for those the
    /// generated request delegates answer a bare 400, see ProblemHandler.UnparsedQueryValues).
    /// </summary>
    [Fact]
    public async Task Every_whole_number_in_a_query_that_is_not_one_is_named()
    {
        using var client = new HttpClient { BaseAddress = _service.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestTokens.For("strict", "gemeente", ShippedVocabulary.Roles.Select(r => r.Value), ["GM0935"]));
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var named = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (path.Contains('{') || item!["get"] is not JsonObject get) continue;
            foreach (var parameter in get["parameters"]?.AsArray() ?? [])
            {
                var type = parameter!["schema"]?["type"];
                var integer = type?.GetValueKind() == JsonValueKind.Array
                    ? type.AsArray().Any(t => t!.GetValue<string>() == "integer")
                    : type?.GetValue<string>() == "integer";
                if (parameter["in"]!.GetValue<string>() != "query" || !integer) continue;
                var name = parameter["name"]!.GetValue<string>();
                var problem = await (await client.GetAsync($"{path}?{name}=twee")).ProblemAsync(HttpStatusCode.BadRequest);
                (problem["errors"]?[name]?[0]?.GetValue<string>()).Should().Be($"'twee' is not a valid {name}; give a whole number.",
                    $"GET {path}?{name}=twee names it: {problem.ToJsonString()}");
                named.Add($"{path}?{name}");
            }
        }
        named.Should().Contain(["/api/cases?page", "/api/cases/overdue?page", "/api/search?page", "/api/statistics/annual?year"]);
    }
}

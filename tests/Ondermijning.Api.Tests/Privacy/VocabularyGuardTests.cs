using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// What a definition declares beyond roles: a step only an organisation may take, and a gate that refuses information
/// older than a period, both published as a new version through the API and in force for the next signal.
/// </summary>
public class VocabularyGuardTests
{
    private static HttpClient Administrator(ApiFactory factory) =>
        factory.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]);

    /// <summary>The shipped v2 changed by <paramref name="change"/>, published as v4 in force from before the test clock's today.</summary>
    internal static async Task PublishVersion4Async(ApiFactory factory, Action<JsonObject> change)
    {
        var admin = Administrator(factory);
        var draft = RouteAccessTests.DraftDefinition(4);
        change(draft);
        await (await admin.PostAsync("/api/workflows/ondermijning/versions", new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json")))
            .ShouldHaveStatus(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/workflows/ondermijning/versions/4/publish", new { appliesFrom = "2024-06-01" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
    }

    private static JsonObject Find(JsonObject definition, string list, string key, string value) =>
        definition[list]!.AsArray().Select(x => x!.AsObject()).Single(x => x[key]!.GetValue<string>() == value);

    private static object Item(string? informationDate) => new
    {
        category = "open", sourceOrganisation = "gemeente", legalBasis = "Convenant RIEC Limburg, art. 5",
        content = "Bewoners zien 's nachts busjes laden", confidentiality = "vertrouwelijk", informationDate,
    };

    [Fact]
    public async Task A_step_guarded_by_organisation_refuses_a_user_of_another_organisation_with_the_same_role()
    {
        await using var factory = new ApiFactory();
        await PublishVersion4Async(factory, d =>
            Find(d, "transitions", "trigger", "start-verrijking")["guards"]!["organisations"] = new JsonArray("riec"));
        var gemeente = factory.CreateClient();
        var riec = factory.CreateClientFor("riec-oov", "riec", ["oov-regisseur"], ["GM0935"]);
        var id = (await gemeente.RegisterAsync()).Str("id");

        var refused = await gemeente.FireAsync(id, "start-verrijking");

        (await refused.ProblemAsync(HttpStatusCode.Forbidden)).Str("detail").Should().Contain("Only a user of RIEC may do this").And.Contain("Gemeente (OOV)");
        (await gemeente.GetCaseAsync(id)).Str("stage.id").Should().Be("ontvangen");
        // Past its deadline, the case waits for the organisation that may take its step, not for another one.
        factory.Clock.Advance(NodaTime.Duration.FromDays(4));
        (await gemeente.GetStringAsync("/api/cases/overdue")).Should().NotContain(id);
        (await riec.GetStringAsync("/api/cases/overdue")).Should().Contain(id);
        (await riec.FireOkAsync(id, "start-verrijking")).Str("stage.id").Should().Be("verrijking");
        var published = (await Administrator(factory).GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/4"))!;
        Find(published, "transitions", "trigger", "start-verrijking")["organisations"]!.AsArray().Select(o => o!.GetValue<string>())
            .Should().Equal("riec");
    }

    [Fact]
    public async Task A_guard_naming_an_unknown_organisation_is_refused_with_its_path()
    {
        await using var factory = new ApiFactory();
        var draft = RouteAccessTests.DraftDefinition(4);
        Find(draft, "transitions", "trigger", "start-verrijking")["guards"]!["organisations"] = new JsonArray("marechaussee");

        var response = await Administrator(factory).PostAsync("/api/workflows/ondermijning/versions",
            new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json"));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().ContainSingle().Which.Should().EndWith(".guards.organisations[0]");
        errors.Single().Value![0]!.GetValue<string>().Should().Contain("unknown organisation 'marechaussee'");
    }

    [Fact]
    public async Task Information_older_than_the_gate_allows_is_refused_with_the_gate_and_dates_named_and_recent_information_keeps_its_date()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        await PublishVersion4Async(factory, d => Find(d, "gates", "id", "ontvangen-open")["maximumAge"] = "P1Y");
        var client = factory.CreateClient();
        var id = (await client.RegisterAsync()).Str("id");

        var tooOld = await client.PostAsJsonAsync($"/api/cases/{id}/items", Item("2023-06-02"));
        var problem = await tooOld.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.Str("title").Should().Be("The information is too old");
        problem.Str("detail").Should().Contain("Gate 'ontvangen-open'").And.Contain("P1Y").And.Contain("2023-06-03 or later").And.Contain("2023-06-02");
        problem["errors"]!["informationDate"]!.AsArray().Should().ContainSingle();

        var undated = await client.PostAsJsonAsync($"/api/cases/{id}/items", Item(null));
        (await undated.ProblemAsync(HttpStatusCode.UnprocessableEntity))["errors"]!["informationDate"]!.ToJsonString()
            .Should().Contain("Give the date of the information");

        var future = await client.PostAsJsonAsync($"/api/cases/{id}/items", Item("2024-06-04"));
        (await future.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["informationDate"]!.ToJsonString().Should().Contain("future");

        var added = await client.PostAsJsonAsync($"/api/cases/{id}/items", Item("2023-06-03"));
        await added.ShouldHaveStatus(HttpStatusCode.Created);
        var items = (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/items"))!["items"]!.AsArray();
        items.Should().ContainSingle().Which!.Str("informationDate").Should().Be("2023-06-03");

        var page = await factory.SignInOnPagesAsync("demo-oov");
        var casePage = await page.GetStringAsync($"/zaken/{id}");
        casePage.Should().Contain("informatie van 3 juni 2023");
        var refused = await page.PostFormAsync($"/zaken/{id}?handler=Informatie", casePage, new Dictionary<string, string>
        {
            ["categorie"] = "open", ["grondslag"] = "Convenant RIEC Limburg, art. 5", ["inhoud"] = "Oude waarneming",
            ["vertrouwelijkheid"] = "vertrouwelijk", ["informatiedatum"] = "2020-01-01",
        });
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        html.Should().Contain("<span id=\"informatiedatum-fout\" class=\"field-error\">Het privacyprotocol neemt in deze fase alleen recente informatie aan (hoogstens 1 jaar oud)");
        html.Should().MatchRegex("id=\"informatiedatum\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"informatiedatum-fout\"");
    }

    [Fact]
    public async Task A_maximum_age_that_is_not_a_period_of_days_or_more_is_refused_with_its_path()
    {
        await using var factory = new ApiFactory();
        var draft = RouteAccessTests.DraftDefinition(4);
        Find(draft, "gates", "id", "ontvangen-open")["maximumAge"] = "PT12H";

        var response = await Administrator(factory).PostAsync("/api/workflows/ondermijning/versions",
            new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json"));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().ContainSingle().Which.Should().Be("$.gates[0].maximumAge");
    }
}

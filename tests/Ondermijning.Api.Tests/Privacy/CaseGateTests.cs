using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

/// <summary>
/// A workflow whose first stages stay inside the municipality: its case gate keeps the description, subjects, reporter and
/// history texts from every other organisation on every path the application serves, until the case leaves those stages.
/// </summary>
public class CaseGateTests
{
    private const string Maastricht = "GM0935";

    /// <summary>
    /// Texts that appear only in the gated case's content, each in another field; the subjects by their full names, as a
    /// search answer echoes the word searched for.
    /// </summary>
    private static readonly string[] Markers = ["GEHEIMOMSCHRIJVING", "Z. Zwartjes", "Kwekerij Geheimhof", "Verborgen", "GEHEIMEREDEN"];

    private static object Signal() => new
    {
        municipality = Maastricht,
        sourceChannel = "melding-gemeente",
        description = "GEHEIMOMSCHRIJVING: een drugslab in een schuur",
        branch = "kappers",
        reporter = new { anonymous = false, name = "Melder Verborgen", contact = "verborgen@example.nl" },
        companies = new[] { new { name = "Kwekerij Geheimhof", kvkNumber = "87654321", place = "Maastricht" } },
        persons = new[] { new { name = "Z. Zwartjes", birthDate = "1975-02-03", role = "eigenaar" } },
    };

    private static Task PublishAsync(ApiFactory factory, string othersSee) =>
        VocabularyGuardTests.PublishVersion4Async(factory, d => d["caseGates"] = new JsonArray(new JsonObject
        {
            ["id"] = "binnen-de-gemeente",
            ["stages"] = new JsonArray("ontvangen", "verrijking"),
            ["readers"] = new JsonArray("gemeente"),
            ["othersSee"] = othersSee,
        }));

    /// <summary>A case in the gated enrichment stage, its step there taken with a reason that is content too.</summary>
    private static async Task<string> GatedCaseAsync(HttpClient oov)
    {
        var registered = await oov.RegisterAsync(Signal());
        registered.Int("definitionVersion").Should().Be(4);
        var id = registered.Str("id");
        await oov.FireOkAsync(id, "start-verrijking", "GEHEIMEREDEN: buren melden stankoverlast");
        return id;
    }

    /// <summary>Every GET the application serves, from its endpoint list, with the case's id and a search for its subjects.</summary>
    private static IEnumerable<string> EveryGet(ApiFactory factory, string id) =>
        RouteAccessTests.Routes(factory)
            .Where(r => r.Method == "GET" && !r.Anonymous)
            .Select(r => r.Pattern.Replace("{id}", id))
            .Where(url => !url.Contains('{'))
            .SelectMany(url => new[] { $"{url}?q=Zwartjes&municipality={Maastricht}&year=2024", $"{url}?q=Geheimhof" })
            .Distinct();

    private static async Task<List<string>> LeaksAsync(HttpClient client, IEnumerable<string> urls)
    {
        var leaks = new List<string>();
        foreach (var url in urls)
        {
            var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            leaks.AddRange(Markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{url} shows {m}"));
        }
        return leaks;
    }

    [Fact]
    public async Task At_the_municipality_only_stages_a_police_user_sees_that_the_case_exists_and_none_of_its_content_on_any_path()
    {
        await using var factory = new ApiFactory { DemoUsers = true };
        await PublishAsync(factory, "existence");
        var oov = factory.CreateClient();
        var id = await GatedCaseAsync(oov);
        var police = factory.CreateClientFor("politie-1", "politie", ["tafeldeelnemer"], [Maastricht]);

        var urls = EveryGet(factory, id).ToList();
        urls.Should().Contain(u => u.StartsWith($"/api/cases/{id}?")).And.Contain(u => u.StartsWith($"/zaken/{id}?"))
            .And.Contain(u => u.StartsWith("/api/search?")).And.Contain(u => u.StartsWith("/zoeken?"));
        (await LeaksAsync(police, urls.Where(u => u.StartsWith("/api")))).Should().BeEmpty();
        (await LeaksAsync(await factory.SignInOnPagesAsync("demo-politie"), urls.Where(u => !u.StartsWith("/api")))).Should().BeEmpty();

        async Task<int> MatchesAsync() => (await police.GetFromJsonAsync<JsonObject>("/api/search?q=Zwartjes"))!["total"]!.GetValue<int>();
        (await MatchesAsync()).Should().Be(0, "not even the count of matches may say that a case about this name exists");

        var seen = await police.GetCaseAsync(id);
        seen.Str("stage.id").Should().Be("verrijking", "the police may know the case exists and where it stands");
        seen.Str("description").Should().Be("[afgeschermd in deze fase]");

        // The municipality sees it all, and so do the others once the case leaves the municipality's stages.
        var own = await oov.GetStringAsync($"/api/cases/{id}");
        Markers.Should().OnlyContain(m => own.Contains(m));
        await oov.ConfirmSignalAsync(id);
        (await police.GetStringAsync($"/api/cases/{id}")).Should().Contain("GEHEIMOMSCHRIJVING").And.Contain("Z. Zwartjes");
        (await MatchesAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_case_gate_that_shows_others_nothing_answers_404_and_leaves_the_case_out_of_lists_and_the_overdue()
    {
        await using var factory = new ApiFactory();
        await PublishAsync(factory, "nothing");
        var oov = factory.CreateClient();
        var id = await GatedCaseAsync(oov);
        var police = factory.CreateClientFor("politie-1", "politie", ["tafeldeelnemer"], [Maastricht]);

        await (await police.GetAsync($"/api/cases/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await police.GetAsync($"/api/cases/{id}/export")).ProblemAsync(HttpStatusCode.NotFound);
        (await police.GetStringAsync("/api/cases")).Should().NotContain(id);
        factory.Clock.Advance(NodaTime.Duration.FromDays(30));
        (await police.GetStringAsync("/api/cases/overdue")).Should().NotContain(id);
        (await oov.GetStringAsync("/api/cases/overdue")).Should().Contain(id, "the municipality still sees its overdue case");
    }

    [Fact]
    public async Task A_case_gate_naming_a_stage_twice_or_an_unknown_stage_is_refused_with_its_path()
    {
        await using var factory = new ApiFactory();
        var draft = RouteAccessTests.DraftDefinition(4);
        draft["caseGates"] = new JsonArray(
            new JsonObject { ["id"] = "eerste", ["stages"] = new JsonArray("ontvangen"), ["readers"] = new JsonArray("gemeente") },
            new JsonObject { ["id"] = "tweede", ["stages"] = new JsonArray("ontvangen", "nergens"), ["readers"] = new JsonArray("gemeente"), ["othersSee"] = "iets" });

        var response = await factory.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], [Maastricht])
            .PostAsync("/api/workflows/ondermijning/versions", new StringContent(draft.ToJsonString(), Encoding.UTF8, "application/json"));

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo("$.caseGates[1].stages[0]", "$.caseGates[1].stages[1]", "$.caseGates[1].othersSee");
    }
}

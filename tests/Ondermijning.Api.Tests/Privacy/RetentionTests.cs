using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Ondermijning.Api.Tests.Enrichment;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Privacy;

public class RetentionTests
{
    private static object NamedSignal() => new
    {
        municipality = "GM0935",
        sourceChannel = "melding-gemeente",
        description = "Buurman J. Jansen ziet dagelijks busjes bij de loods",
        severity = "hoog",
        reporter = new { anonymous = false, name = "P. Pieters", contact = "06-12345678" },
        persons = new[] { new { name = "J. Jansen", birthDate = "1980-04-01", role = "eigenaar" } },
        companies = new[] { new { name = "Jansen Eenmanszaak", kvkNumber = "87654321", place = "Maastricht" } },
        addresses = new[] { new { postcode = "6211AB", houseNumber = 12, street = "Grote Straat", city = "Maastricht" } },
    };

    private static readonly string[] PersonalData = ["J. Jansen", "1980-04-01", "P. Pieters", "06-12345678", "Jansen Eenmanszaak", "87654321", "6211AB", "Grote Straat", "busjes"];

    /// <summary>What the statistics count: cases per stage, and per route through the chain.</summary>
    private static async Task<(Dictionary<string, int> PerStage, Dictionary<string, int> PerRoute)> CountsAsync(HttpClient client, IEnumerable<string> ids)
    {
        var perStage = new Dictionary<string, int>();
        var perRoute = new Dictionary<string, int>();
        foreach (var id in ids)
        {
            var @case = await client.GetCaseAsync(id);
            var stage = @case.Str("stage.id");
            perStage[stage] = perStage.GetValueOrDefault(stage) + 1;
            var route = string.Join(" > ", @case["history"]!.AsArray().Where(h => h!.Str("kind") is "registered" or "transition").Select(h => h!.Str("toStage")));
            perRoute[route] = perRoute.GetValueOrDefault(route) + 1;
        }
        return (perStage, perRoute);
    }

    [Fact]
    public async Task After_the_period_personal_data_are_gone_and_the_counts_per_stage_and_route_are_unchanged()
    {
        await using var factory = new ApiFactory();
        var oov = factory.CreateClient();
        var admin = factory.CreateClientFor("admin", "gemeente", ["beheerder"]);
        var police = factory.CreateClientFor("agent", "politie", ["tafeldeelnemer"]);
        var meeting = new Dictionary<string, string> { ["vergaderdatum"] = "2024-06-03" };

        var notConfirmed = (await oov.RegisterAsync(NamedSignal())).Str("id");
        await oov.MoveToAsync(notConfirmed, "verrijking");
        await (await oov.PostAsJsonAsync($"/api/cases/{notConfirmed}/findings", new
        {
            source = "social-media",
            link = "https://www.instagram.com/jansen.loods/",
            date = "2024-06-01",
            note = "J. Jansen laat busjes zien bij de loods aan de Grote Straat",
            subject = "Jansen Eenmanszaak",
        })).ShouldHaveStatus(HttpStatusCode.Created);
        await oov.RejectSignalAsync(notConfirmed, "Open bronnen bevestigen het niet");

        var closedAtMot = (await oov.RegisterAsync(NamedSignal())).Str("id");
        await oov.MoveToAsync(closedAtMot, "mot");
        await (await police.AddItemAsync(closedAtMot, "closed", "politie", "BVH: J. Jansen eerder aangehouden")).ShouldHaveStatus(HttpStatusCode.Created);
        var intervention = await oov.PostAsJsonAsync($"/api/cases/{closedAtMot}/interventions",
            new { subtype = "boekenonderzoek", executingOrganisation = "Belastingdienst" });
        await intervention.ShouldHaveStatus(HttpStatusCode.Created);
        // A case closes once none of its interventions is still planned.
        await (await oov.PatchAsJsonAsync(intervention.Headers.Location, new { status = "dropped", date = "2024-06-03", note = "Niet kansrijk" }))
            .ShouldHaveStatus(HttpStatusCode.OK);
        await oov.FireOkAsync(closedAtMot, "mot-geen-interventie", "Geen kansrijke interventie", meeting);

        var stillRunning = (await oov.RegisterAsync(NamedSignal())).Str("id");
        await oov.MoveToAsync(stillRunning, "atom");

        var ids = new[] { notConfirmed, closedAtMot, stillRunning };
        var before = await CountsAsync(oov, ids);
        var annualBefore = await AnnualTableAsync(oov);
        annualBefore.Should().Contain("\"mot.fiscaal\"");

        // Five months on nothing has expired yet; seven months on the not-confirmed signal has (P6M).
        factory.Clock.Advance(Duration.FromDays(150));
        (await RunAsync(admin))["erasedCases"]!.GetValue<int>().Should().Be(0);
        factory.Clock.Advance(Duration.FromDays(60));
        (await RunAsync(admin))["erasedCases"]!.GetValue<int>().Should().Be(1);
        await ShouldBeErased(oov, notConfirmed);
        var finding = (await oov.FindingsAsync(notConfirmed)).Should().ContainSingle("the finding stays, as provenance").Subject!;
        finding.ToJsonString().Should().NotContain("instagram");
        finding.Str("source").Should().Be("social-media");
        finding.Str("provenance.recordedBy.id").Should().Be("test-oov");
        (await oov.GetStringAsync($"/api/cases/{closedAtMot}")).Should().Contain("J. Jansen", "the MOT case keeps its data for two years");

        factory.Clock.Advance(Duration.FromDays(2 * 366));
        var second = await RunAsync(admin);
        second["erasedCases"]!.GetValue<int>().Should().Be(1);
        second["erasedItems"]!.GetValue<int>().Should().Be(2, "the BVH item and the finding its confirmation rests on");
        await ShouldBeErased(oov, closedAtMot);
        (await police.GetStringAsync($"/api/cases/{closedAtMot}/items")).Should().NotContain("aangehouden");
        (await oov.GetStringAsync($"/api/cases/{stillRunning}")).Should().Contain("J. Jansen", "a running case is not touched");
        (await AnnualTableAsync(oov)).Should().Be(annualBefore, "the published 2024 figures do not change when personal data go");

        var after = await CountsAsync(oov, ids);
        after.PerStage.Should().BeEquivalentTo(before.PerStage);
        after.PerRoute.Should().BeEquivalentTo(before.PerRoute);

        var log = (await admin.GetFromJsonAsync<JsonArray>($"/api/admin/access-log?caseId={closedAtMot}"))!;
        log.Select(r => r!.Str("action")).Should().Contain("erase");
        (await admin.GetFromJsonAsync<JsonObject>("/api/admin/access-log/verify"))!["intact"]!.GetValue<bool>().Should().BeTrue();
        await (await oov.PostAsync("/api/admin/retention/run", null)).ShouldHaveStatus(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonObject> RunAsync(HttpClient admin)
    {
        var response = await admin.PostAsync("/api/admin/retention/run", null);
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task ShouldBeErased(HttpClient client, string caseId)
    {
        // Search and the links between cases forget what was erased; the case keeps its code, as it keeps its route.
        foreach (var q in new[] { "87654321", "jansen", "6211AB 12", "grote straat", "jansen 1980-04-01" })
            (await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(q)}")).Should().NotContain(caseId, $"an erased case is not found by '{q}'");
        (await client.GetStringAsync($"/api/search?q={caseId.Replace("-", "")[^8..]}")).Should().Contain(caseId, "its code stays");

        var raw = await client.GetStringAsync($"/api/cases/{caseId}");
        var findings = await client.GetStringAsync($"/api/cases/{caseId}/findings");
        var proposal = await client.GetStringAsync($"/api/cases/{caseId}/enrichment/proposal");
        foreach (var personal in PersonalData)
        {
            raw.Should().NotContain(personal);
            findings.Should().NotContain(personal);
            proposal.Should().NotContain(personal);
        }
        var @case = JsonNode.Parse(raw)!;
        @case["history"]!.AsArray().Last()!.Str("kind").Should().Be("erased");
        @case["addresses"]![0]!.Str("city").Should().Be("Maastricht", "the city identifies nobody and places the case for the statistics");
        @case.Str("municipality").Should().Be("GM0935");
    }

    /// <summary>The 2024 annual table as JSON, without the moment it was computed.</summary>
    private static async Task<string> AnnualTableAsync(HttpClient client)
    {
        var table = (await client.GetFromJsonAsync<JsonObject>("/api/statistics/annual?municipality=GM0935&year=2024"))!;
        table.Remove("computedAt");
        return table.ToJsonString();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Statistics;

public class PeriodOverviewTests
{
    private static async Task<string> SignalAtAsync(ApiFactory factory, HttpClient client, string local, string channel, string municipality = "GM0935")
    {
        factory.Clock.Reset(AnnualScenario.Local(local));
        return (await client.RegisterAsync(ApiClient.Signal(municipality: municipality, channel: channel))).Str("id");
    }

    private static async Task StepAtAsync(ApiFactory factory, HttpClient client, string local, string id, string trigger)
    {
        factory.Clock.Reset(AnnualScenario.Local(local));
        await client.FireOkAsync(id, trigger);
    }

    private static async Task<JsonObject> OverviewAsync(HttpClient client, string period)
    {
        var response = await client.GetAsync($"/api/statistics/overview?municipality=GM0935&year=2024&{period}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Dictionary<string, int> Channels(JsonObject overview) =>
        overview["signalsByChannel"]!.AsArray().ToDictionary(c => c!.Str("channel"), c => c!.Int("signals"));

    [Fact]
    public async Task Months_and_quarters_count_signals_by_channel_stage_times_and_overdue_cases_in_Amsterdam_time()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var client = factory.CreateClient();

        await SignalAtAsync(factory, client, "2024-03-01T00:30", "meld-misdaad-anoniem"); // 29 Feb 23:30 UTC: March in Amsterdam
        var s2 = await SignalAtAsync(factory, client, "2024-03-05T09:00", "meld-misdaad-anoniem");
        var s3 = await SignalAtAsync(factory, client, "2024-03-06T09:00", "bewonersgesprek");
        var s4 = await SignalAtAsync(factory, client, "2024-03-07T09:00", "professional");
        await StepAtAsync(factory, client, "2024-03-05T11:00", s2, "start-verrijking");
        await StepAtAsync(factory, client, "2024-03-06T13:00", s3, "start-verrijking");
        await StepAtAsync(factory, client, "2024-03-07T19:00", s4, "start-verrijking");
        await SignalAtAsync(factory, client, "2024-04-01T00:30", "melding-politie"); // 31 March 22:30 UTC: April
        await SignalAtAsync(factory, client, "2024-07-01T00:30", "melding-gemeente"); // 30 June 22:30 UTC (summer time): Q3
        await SignalAtAsync(factory, client, "2024-07-09T10:00", "melding-gemeente");
        await SignalAtAsync(factory, client, "2024-03-10T10:00", "meld-misdaad-anoniem", municipality: "GM0917");
        factory.Clock.Reset(AnnualScenario.Local("2024-07-10T12:00"));

        var march = await OverviewAsync(client, "month=3");
        march.Str("period").Should().Be("2024-03");
        Channels(march).Should().Equal(new Dictionary<string, int>
        {
            ["meld-misdaad-anoniem"] = 2, ["melding-gemeente"] = 0, ["melding-politie"] = 0, ["bewonersgesprek"] = 1, ["professional"] = 1,
        });
        var received = march["timePerStage"]!.AsArray().Should().ContainSingle().Which!;
        received.Str("stage").Should().Be("ontvangen");
        received.Int("stays").Should().Be(3);
        received["medianHours"]!.GetValue<double>().Should().Be(4);
        received["percentile90Hours"]!.GetValue<double>().Should().Be(10);

        var stages = march["casesPerStage"]!.AsArray().ToDictionary(s => s!.Str("stage"), s => (s!.Int("cases"), s!.Int("overdue")));
        stages.Should().Equal(new Dictionary<string, (int, int)>
        {
            ["ontvangen"] = (4, 3), // the signal of 9 July is within its three days
            ["verrijking"] = (3, 3),
        });
        march["definitions"]!.Str("overdue").Should().Contain("deadline");

        Channels(await OverviewAsync(client, "month=4"))["melding-politie"].Should().Be(1);
        Channels(await OverviewAsync(client, "quarter=2"))["melding-gemeente"].Should().Be(0);
        Channels(await OverviewAsync(client, "quarter=3"))["melding-gemeente"].Should().Be(2);
        Channels(await OverviewAsync(client, "quarter=1")).Values.Sum().Should().Be(4);
    }

    [Fact]
    public async Task A_period_is_one_month_or_one_quarter()
    {
        await using var factory = new ApiFactory { Municipalities = ["GM0935", "GM0917"] };
        var client = factory.CreateClient();

        var both = await client.GetAsync("/api/statistics/overview?municipality=GM0935&year=2024&month=1&quarter=1");
        (await both.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["month"].Should().NotBeNull();
        var month = await client.GetAsync("/api/statistics/overview?municipality=GM0935&year=2024&month=13");
        (await month.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["month"].Should().NotBeNull();
    }

    [Fact]
    public async Task A_region_whose_municipalities_follow_two_workflows_counts_their_equal_stage_ids_apart_under_each_workflows_names()
    {
        var database = TestDatabase.New();
        await using (var publishing = new ApiFactory(database))
        {
            var admin = publishing.CreateClientFor("fb-beheer", "gemeente", ["beheerder"], ["GM0935"]);
            var ccv = Privacy.RouteAccessTests.DraftDefinition(1);
            ccv["id"] = "ccv-model";
            ccv["title"] = "Modelprotocol CCV";
            ccv["stages"]!.AsArray().Single(s => s!.Str("id") == "ontvangen")!["label"] = "Binnengekomen bij het signalenoverleg";
            await (await admin.PostAsJsonAsync("/api/workflows/ccv-model/versions", ccv)).ShouldHaveStatus(HttpStatusCode.Created);
            await (await admin.PostAsJsonAsync("/api/workflows/ccv-model/versions/1/publish", new { appliesFrom = "2020-01-01" })).ShouldHaveStatus(HttpStatusCode.OK);
        }
        string[] limburg = ["GM0935", "GM0917", "GM0983", "GM0928", "GM0957", "GM1883"];
        var settings = new Dictionary<string, string>
        {
            ["Workflows:Municipalities:GM0917"] = "ccv-model",
            ["Identity:Development:Users:40:UserId"] = "demo-regio", ["Identity:Development:Users:40:Name"] = "Demo regio",
            ["Identity:Development:Users:40:Organisation"] = "gemeente", ["Identity:Development:Users:40:Roles:0"] = "statistiek",
        };
        foreach (var (code, i) in limburg.Select((c, i) => (c, i))) settings[$"Identity:Development:Users:40:Municipalities:{i}"] = code;
        await using var region = new ApiFactory(database) { Municipalities = limburg, Settings = settings, DemoUsers = true };
        var client = region.CreateClient();
        var heerlen = await SignalAtAsync(region, client, "2024-03-05T09:00", "professional", municipality: "GM0917");
        var maastricht = await SignalAtAsync(region, client, "2024-03-05T10:00", "professional");
        await StepAtAsync(region, client, "2024-03-06T09:00", heerlen, "start-verrijking");
        await StepAtAsync(region, client, "2024-03-07T10:00", maastricht, "start-verrijking");
        region.Clock.Reset(AnnualScenario.Local("2024-03-20T12:00"));

        var march = (await client.GetFromJsonAsync<JsonObject>("/api/statistics/overview?region=riec-limburg&year=2024&month=3"))!;
        var chainLabel = (await client.GetFromJsonAsync<JsonObject>("/api/workflows/ondermijning/versions/1"))!["stages"]!.AsArray()
            .Single(s => s!.Str("id") == "ontvangen")!.Str("label");
        march["timePerStage"]!.AsArray().Select(d => (d!.Str("workflow"), d!.Str("stage"), d!.Str("label"), d!.Int("stays")))
            .Should().Equal(("ccv-model", "ontvangen", "Binnengekomen bij het signalenoverleg", 1), ("ondermijning", "ontvangen", chainLabel, 1));
        march["timePerStage"]!.AsArray().Select(d => d!.Str("workflowTitle"))
            .Should().Equal(["Modelprotocol CCV", "Ketenaanpak ondermijning met Bibob-advies en herweging na ATOM"], "each workflow by its newest title");
        march["casesPerStage"]!.AsArray().Select(s => (s!.Str("workflow"), s!.Str("stage"), s!.Int("cases")))
            .Should().Equal(("ccv-model", "verrijking", 1), ("ondermijning", "verrijking", 1));

        var page = await (await region.SignInOnPagesAsync("demo-regio")).GetStringAsync("/statistieken?gebied=regio:riec-limburg&jaar=2024&maand=3");
        page.Should().Contain("<th scope=\"col\">Werkstroom</th>").And.MatchRegex("<td>Modelprotocol CCV</td>\\s*<td>Binnengekomen bij het signalenoverleg</td>");
    }
}

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
}

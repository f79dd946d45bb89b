using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Jobs;

[Collection(JobServerCollection.Name)]
public class MonthlyReportTests
{
    [Fact]
    public async Task The_monthly_overview_of_the_previous_Amsterdam_month_is_produced_once_and_can_be_downloaded()
    {
        await using var factory = new ApiFactory { JobServer = true };
        var client = factory.CreateClient();
        var movedInJune = (await client.RegisterAsync(ApiClient.Signal(channel: "meld-misdaad-anoniem"))).Str("id");
        var movedInJuly = (await client.RegisterAsync(ApiClient.Signal(channel: "meld-misdaad-anoniem"))).Str("id");
        await client.RegisterAsync(ApiClient.Signal(channel: "professional"));
        // Heerlen's June signal is in the same snapshot, but not in what a reader who works for Maastricht gets.
        await factory.CreateClientFor("oov-heerlen", "gemeente", ["oov-regisseur"], ["GM0917"])
            .RegisterAsync(ApiClient.Signal(municipality: "GM0917", channel: "professional"));
        await client.FireOkAsync(movedInJune, "start-verrijking");
        factory.Clock.Reset(Instant.FromUtc(2024, 6, 30, 22, 30)); // 1 July 00:30 in Amsterdam: a July signal
        await client.RegisterAsync(ApiClient.Signal(channel: "melding-gemeente"));
        await factory.TriggerAndWaitAsync(JobNames.Escalation);
        await client.FireOkAsync(movedInJuly, "start-verrijking"); // after the month's end: still 'ontvangen' in June's overview

        (await factory.TriggerAndWaitAsync(JobNames.MonthlyOverview)).Summary.Should().Be("produced 2024-06-01..2024-06-30");
        (await factory.TriggerAndWaitAsync(JobNames.MonthlyOverview)).Summary.Should().Be("nothing to produce");

        var list = (await client.GetFromJsonAsync<JsonArray>("/api/reports/monthly"))!;
        list.Select(e => e!.Str("href")).Should().Equal("/api/reports/monthly/2024/6", "/api/reports/monthly/2024/5");
        var entry = list[0]!;
        entry.Int("year").Should().Be(2024);
        entry.Int("month").Should().Be(6);
        entry.Str("href").Should().Be("/api/reports/monthly/2024/6");

        var download = await client.GetAsync("/api/reports/monthly/2024/6");
        await download.ShouldHaveStatus(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be("maandoverzicht-2024-06.json");
        var report = JsonNode.Parse(await download.Content.ReadAsStringAsync())!;
        report.Str("month").Should().Be("2024-06");
        var maastricht = report["municipalities"]!.AsArray().Should().ContainSingle("the reader works for Maastricht only").Subject!;
        maastricht.Str("municipality").Should().Be("GM0935");
        maastricht.Int("signalsReceived").Should().Be(3);
        maastricht["signalsBySourceChannel"]!.ToJsonString().Should().Be("""{"meld-misdaad-anoniem":2,"professional":1}""");
        maastricht["casesPerStageAtMonthEnd"]!.ToJsonString().Should().Be("""{"ontvangen":2,"verrijking":1}""");
        maastricht.Int("overdueStays").Should().Be(3, "two June cases were due in 'ontvangen' on 6 June, one in 'verrijking' on 17 June");
    }

    [Fact]
    public async Task A_month_without_an_overview_is_a_404_problem()
    {
        await using var factory = new ApiFactory();

        var response = await factory.CreateClient().GetAsync("/api/reports/monthly/2024/6");

        (await response.ProblemAsync(HttpStatusCode.NotFound)).Str("detail").Should().Contain("2024-06");
    }

    [Fact]
    public async Task Overviews_missed_while_the_service_was_down_are_produced_when_it_starts_again()
    {
        var path = TestDatabase.New();
        await using (var before = new ApiFactory(path))
            (await before.CreateClient().GetFromJsonAsync<JsonArray>("/api/reports/monthly"))!.Select(e => e!.Str("href"))
                .Should().Equal("/api/reports/monthly/2024/5");

        await using var after = new ApiFactory(path, clock: new NodaTime.Testing.FakeClock(Instant.FromUtc(2024, 9, 2, 6, 0)));
        var list = (await after.CreateClient().GetFromJsonAsync<JsonArray>("/api/reports/monthly"))!;

        list.Select(e => $"{e!.Int("year")}-{e!.Int("month")}").Should().Equal("2024-8", "2024-7", "2024-6", "2024-5");
    }
}

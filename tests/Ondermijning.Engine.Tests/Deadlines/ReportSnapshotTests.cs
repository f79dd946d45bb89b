using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Tests.Deadlines;

public class ReportSnapshotTests
{
    private static Task<IReadOnlyList<DateInterval>> Produce(EngineHost host, ReportKind kind) =>
        host.RunAsync<ProduceReportSnapshot, IReadOnlyList<DateInterval>>(p => p.RunAsync(kind));

    [Fact]
    public async Task Monthly_overviews_missed_while_the_service_was_stopped_are_produced_on_the_next_run()
    {
        await using var host = await EngineHost.StartAsync();
        (await Produce(host, ReportKind.MonthlyOverview)).Select(p => p.Start).Should().Equal(new LocalDate(2024, 5, 1));

        host.Clock.Reset(Instant.FromUtc(2024, 9, 2, 6, 0));
        (await Produce(host, ReportKind.MonthlyOverview)).Select(p => p.Start)
            .Should().Equal(new LocalDate(2024, 6, 1), new LocalDate(2024, 7, 1), new LocalDate(2024, 8, 1));
        (await Produce(host, ReportKind.MonthlyOverview)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_annual_draft_counts_stage_entries_and_routes_of_the_previous_year_once()
    {
        await using var host = await EngineHost.StartAsync();
        var first = await host.RegisterAsync();
        var second = await host.RegisterAsync();
        await host.FireAsync(first.Id, "start-verrijking");
        await host.FireAsync(second.Id, "start-verrijking");
        await host.DecideAsync(second.Id, false, "Niets gevonden");
        host.Clock.Reset(Instant.FromUtc(2024, 12, 31, 23, 30)); // already 2025 in Amsterdam
        await host.RegisterAsync();
        host.Clock.Reset(Instant.FromUtc(2025, 1, 2, 0, 0));

        var produced = await Produce(host, ReportKind.AnnualDraft);
        var again = await Produce(host, ReportKind.AnnualDraft);

        produced.Should().Equal(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)));
        again.Should().BeEmpty("the 2024 draft is already there");
        var snapshot = await host.RunAsync<OndermijningDbContext, ReportSnapshot>(db => db.ReportSnapshots.SingleAsync());
        var content = JsonNode.Parse(snapshot.ContentJson)!;
        content["year"]!.GetValue<int>().Should().Be(2024);
        content["signalsReceived"]!.GetValue<int>().Should().Be(2);
        content["entriesPerStage"]!.ToJsonString().Should().Be("""{"niet-bevestigd":1,"ontvangen":2,"verrijking":2}""");
        content["routes"]!.AsArray().Select(r => $"{r!["from"]}>{r["to"]}:{r["count"]}")
            .Should().Equal("ontvangen>verrijking:2", "verrijking>niet-bevestigd:1");
    }
}

using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Tests.Deadlines;

public class ReportSnapshotTests
{
    [Fact]
    public async Task The_annual_draft_counts_stage_entries_and_routes_of_the_previous_year_once()
    {
        await using var host = await EngineHost.StartAsync();
        var first = await host.RegisterAsync();
        var second = await host.RegisterAsync();
        await host.FireAsync(first.Id, "start-verrijking");
        await host.FireAsync(second.Id, "start-verrijking");
        await host.FireAsync(second.Id, "niet-bevestigd", "Niets gevonden");
        host.Clock.Reset(Instant.FromUtc(2024, 12, 31, 23, 30)); // already 2025 in Amsterdam
        await host.RegisterAsync();
        host.Clock.Reset(Instant.FromUtc(2025, 1, 2, 0, 0));

        var produced = await host.RunAsync<ProduceReportSnapshot, (DateInterval, bool)>(p => p.RunAsync(ReportKind.AnnualDraft));
        var again = await host.RunAsync<ProduceReportSnapshot, (DateInterval, bool)>(p => p.RunAsync(ReportKind.AnnualDraft));

        produced.Should().Be((new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)), true));
        again.Item2.Should().BeFalse("the 2024 draft is already there");
        var snapshot = await host.RunAsync<OndermijningDbContext, ReportSnapshot>(db => db.ReportSnapshots.SingleAsync());
        var content = JsonNode.Parse(snapshot.ContentJson)!;
        content["year"]!.GetValue<int>().Should().Be(2024);
        content["signalsReceived"]!.GetValue<int>().Should().Be(2);
        content["entriesPerStage"]!.ToJsonString().Should().Be("""{"niet-bevestigd":1,"ontvangen":2,"verrijking":2}""");
        content["routes"]!.AsArray().Select(r => $"{r!["from"]}>{r["to"]}:{r["count"]}")
            .Should().Equal("ontvangen>verrijking:2", "verrijking>niet-bevestigd:1");
    }
}

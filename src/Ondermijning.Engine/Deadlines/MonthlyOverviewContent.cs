using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Deadlines;

public sealed record MonthlyOverview(
    string Month,
    int SignalsReceived,
    IReadOnlyDictionary<string, int> SignalsBySourceChannel,
    IReadOnlyDictionary<string, int> CasesPerStageAtMonthEnd,
    int OverdueStays,
    IReadOnlyDictionary<string, int> OverdueStaysPerStage);

/// <summary>
/// The mayor's monthly overview. Every figure is derived from history as of the month's end, so a snapshot
/// produced late (after a failure, or by hand) says the same as one produced on the 1st.
/// </summary>
public sealed class MonthlyOverviewContent(OndermijningDbContext db) : IReportContent
{
    public ReportKind Kind => ReportKind.MonthlyOverview;

    public async Task<object> ProduceAsync(DateInterval period, CancellationToken cancellationToken)
    {
        var (from, to) = ReportPeriods.Instants(period);

        var byChannel = await db.Cases
            .Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)
            .GroupBy(c => c.SourceChannel)
            .Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var perStage = await db.CaseHistory
            .Where(h => h.At < to && h.Sequence == db.CaseHistory.Where(x => x.CaseId == h.CaseId && x.At < to).Max(x => x.Sequence))
            .GroupBy(h => h.ToStage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var overdue = await db.CaseEscalations
            .Where(e => e.DueAt >= from && e.DueAt < to)
            .GroupBy(e => e.Stage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new MonthlyOverview(
            YearMonthPattern.Iso.Format(new YearMonth(period.Start.Year, period.Start.Month)),
            byChannel.Sum(x => x.Count),
            // Spelled as the API spells source channels: meld-misdaad-anoniem.
            byChannel.Select(x => (Channel: JsonNamingPolicy.KebabCaseLower.ConvertName(x.Channel.ToString()), x.Count))
                .OrderBy(x => x.Channel).ToDictionary(x => x.Channel, x => x.Count),
            perStage.OrderBy(x => x.Stage.Value).ToDictionary(x => x.Stage.Value, x => x.Count),
            overdue.Sum(x => x.Count),
            overdue.OrderBy(x => x.Stage.Value).ToDictionary(x => x.Stage.Value, x => x.Count));
    }
}

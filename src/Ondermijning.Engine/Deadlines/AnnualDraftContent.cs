using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Deadlines;

public sealed record AnnualDraft(int Year, int SignalsReceived, IReadOnlyDictionary<string, int> EntriesPerStage,
    IReadOnlyList<RouteCount> Routes);

/// <summary>How often cases went from one stage to another.</summary>
public sealed record RouteCount(string From, string To, int Count);

/// <summary>A first draft of the annual figures: how often each stage was entered and each route taken in the year.</summary>
public sealed class AnnualDraftContent(OndermijningDbContext db) : IReportContent
{
    public ReportKind Kind => ReportKind.AnnualDraft;

    public async Task<object> ProduceAsync(DateInterval period, CancellationToken cancellationToken)
    {
        var (from, to) = ReportPeriods.Instants(period);
        var inYear = db.CaseHistory.Where(h => h.At >= from && h.At < to);

        var received = await inYear.CountAsync(h => h.Kind == HistoryKind.Registered, cancellationToken);
        var entries = await inYear
            .Where(h => h.FromStage == null || h.FromStage != h.ToStage)
            .GroupBy(h => h.ToStage)
            .Select(g => new { Stage = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var routes = await inYear
            .Where(h => h.Kind == HistoryKind.Transition)
            .GroupBy(h => new { h.FromStage, h.ToStage })
            .Select(g => new { g.Key.FromStage, g.Key.ToStage, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new AnnualDraft(
            period.Start.Year,
            received,
            entries.OrderBy(x => x.Stage.Value).ToDictionary(x => x.Stage.Value, x => x.Count),
            routes.Select(r => new RouteCount(r.FromStage!.Value.Value, r.ToStage.Value, r.Count))
                .OrderBy(r => r.From).ThenBy(r => r.To).ToList());
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Engine.Deadlines;

/// <summary>Produces and stores the snapshot of the last complete period of one report kind, once.</summary>
public sealed class ProduceReportSnapshot(OndermijningDbContext db, IEnumerable<IReportContent> contents, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The period, and whether this run produced it (false: it was already there).</returns>
    public async Task<(DateInterval Period, bool Produced)> RunAsync(ReportKind kind, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var period = ReportPeriods.Previous(kind, now.InZone(Amsterdam.Zone).Date);
        if (await db.ReportSnapshots.AnyAsync(s => s.Kind == kind && s.PeriodStart == period.Start, cancellationToken))
            return (period, false);

        var content = await contents.Single(c => c.Kind == kind).ProduceAsync(period, cancellationToken);
        var produced = await db.InsertOnceAsync(
            new ReportSnapshot(kind, period, now, JsonSerializer.Serialize(content, Json)), cancellationToken);
        return (period, produced);
    }
}

public sealed class ReportQueries(OndermijningDbContext db)
{
    public async Task<IReadOnlyList<ReportSnapshot>> ListAsync(ReportKind kind, CancellationToken cancellationToken = default) =>
        await db.ReportSnapshots.AsNoTracking()
            .Where(s => s.Kind == kind)
            .OrderByDescending(s => s.PeriodStart)
            .ToListAsync(cancellationToken);

    public async Task<ReportSnapshot> GetMonthlyAsync(int year, int month, CancellationToken cancellationToken = default)
    {
        if (month is < 1 or > 12 || year is < 1900 or > 9999)
            throw new EngineProblem(ProblemKind.NotFound, "Report not found", $"{year}-{month:00} is not a month.");
        var start = new LocalDate(year, month, 1);
        return await db.ReportSnapshots.AsNoTracking()
                   .SingleOrDefaultAsync(s => s.Kind == ReportKind.MonthlyOverview && s.PeriodStart == start, cancellationToken)
               ?? throw new EngineProblem(ProblemKind.NotFound, "Report not found",
                   $"There is no monthly overview for {start:yyyy-MM} yet. It is produced on the 1st of the following month.");
    }
}

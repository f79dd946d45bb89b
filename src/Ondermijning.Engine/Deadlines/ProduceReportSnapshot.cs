using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Deadlines;

/// <summary>
/// Produces and stores the snapshots of one report kind, each period once: the last complete period, and any
/// period since the latest snapshot that a stopped service missed.
/// </summary>
public sealed class ProduceReportSnapshot(OndermijningDbContext db, IEnumerable<IReportContent> contents, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The periods this run produced; empty when they were all there already.</returns>
    public async Task<IReadOnlyList<DateInterval>> RunAsync(ReportKind kind, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var previous = ReportPeriods.Previous(kind, now.InZone(Amsterdam.Zone).Date);
        var latest = await db.ReportSnapshots.Where(s => s.Kind == kind)
            .OrderByDescending(s => s.PeriodStart).Select(s => s.PeriodStart).Take(1).ToListAsync(cancellationToken);

        var content = contents.Single(c => c.Kind == kind);
        var produced = new List<DateInterval>();
        var period = latest.Count == 0 ? previous : ReportPeriods.Following(kind, latest[0]);
        for (; period.Start <= previous.Start; period = ReportPeriods.Following(kind, period.Start))
        {
            var json = JsonSerializer.Serialize(await content.ProduceAsync(period, cancellationToken), Json);
            if (await db.InsertOnceAsync(new ReportSnapshot(kind, period, now, json), cancellationToken))
                produced.Add(period);
        }
        return produced;
    }
}

/// <summary>A report as one reader may have it: the snapshot's period, and the content of the reader's municipalities only.</summary>
public sealed record ReportDownload(ReportSnapshot Snapshot, string ContentJson);

public sealed class ReportQueries(OndermijningDbContext db)
{
    public async Task<IReadOnlyList<ReportSnapshot>> ListAsync(ReportKind kind, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadReports);
        return await db.ReportSnapshots.AsNoTracking()
            .Where(s => s.Kind == kind)
            .OrderByDescending(s => s.PeriodStart)
            .ToListAsync(cancellationToken);
    }

    public async Task<ReportDownload> GetMonthlyAsync(int year, int month, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadReports);
        if (month is < 1 or > 12 || year < DateRule.Earliest.Year || year > DateRule.Latest.Year)
            throw new EngineProblem(ProblemKind.NotFound, "Report not found", $"{year}-{month:00} is not a month.");
        var start = new LocalDate(year, month, 1);
        var snapshot = await db.ReportSnapshots.AsNoTracking()
                   .SingleOrDefaultAsync(s => s.Kind == ReportKind.MonthlyOverview && s.PeriodStart == start, cancellationToken)
               ?? throw new EngineProblem(ProblemKind.NotFound, "Report not found",
                   $"There is no monthly overview for {start:yyyy-MM} yet. It is produced on the 1st of the following month.");
        var content = JsonNode.Parse(snapshot.ContentJson)!.AsObject();
        // A snapshot from before reports were kept per municipality adds every municipality up: nobody may read that whole.
        if (content["municipalities"] is not JsonArray municipalities)
            throw new EngineProblem(ProblemKind.NotFound, "Report not found",
                $"The overview of {start:yyyy-MM} was produced before overviews were kept per municipality; it is not served.");
        var mine = actor.Municipalities.Select(m => m.Value).ToHashSet();
        foreach (var other in municipalities.Where(m => !mine.Contains(m?["municipality"]?.GetValue<string>() ?? "")).ToList())
            municipalities.Remove(other);
        return new ReportDownload(snapshot, content.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}

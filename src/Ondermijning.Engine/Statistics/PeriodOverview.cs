using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Statistics;

/// <summary>A calendar month or quarter in Europe/Amsterdam: [From, To).</summary>
public sealed record ReportingPeriod(int Year, int? Month, int? Quarter, LocalDate From, LocalDate To)
{
    public static ReportingPeriod Of(int year, int? month, int? quarter)
    {
        var errors = new Dictionary<string, string[]>();
        if (month is null == quarter is null) errors["month"] = ["Ask for one month (month=1…12) or one quarter (quarter=1…4)."];
        else if (month is not null and not (>= 1 and <= 12)) errors["month"] = ["A month is 1 to 12."];
        else if (quarter is not null and not (>= 1 and <= 4)) errors["quarter"] = ["A quarter is 1 to 4."];
        if (year < AnnualStatisticsQuery.FirstYear || year > DateRule.Latest.Year) errors["year"] = ["Give a year such as 2024."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors);

        var from = new LocalDate(year, month ?? ((quarter!.Value - 1) * 3) + 1, 1);
        return new ReportingPeriod(year, month, quarter, from, from.PlusMonths(month is null ? 3 : 1));
    }

    public string Name => Month is { } m ? $"{Year}-{m:00}" : $"{Year}-K{Quarter}";
}

public sealed record ChannelCount(SourceChannel Channel, int Signals);

/// <summary>A stage of one workflow: two workflows may both have a stage "lwo" and mean different things by it.</summary>
public sealed record WorkflowStage(WorkflowId Workflow, string WorkflowTitle, StageId Stage, string Label);

public sealed record StageCount(WorkflowStage Stage, int Cases, int Overdue);

/// <summary>Time cases spent in a stage they left during the period, in whole hours (nearest-rank percentiles).</summary>
public sealed record StageDuration(WorkflowStage Stage, int Stays, Duration Median, Duration Percentile90);

public sealed record PeriodOverview(StatisticsScope Scope, ReportingPeriod Period, Instant ComputedAt,
    IReadOnlyList<ChannelCount> SignalsByChannel, IReadOnlyList<StageCount> CasesPerStage, IReadOnlyList<StageDuration> TimePerStage);

/// <summary>
/// The monthly or quarterly overview for the mayor, the council and management. Signals and stage times belong to
/// the period; cases per stage and overdue cases are the position at the moment of asking, because a case's
/// deadline is measured from <c>Case.StageEnteredAt</c> against its stage's deadline in the definition it runs on.
/// </summary>
public sealed class PeriodOverviewQuery(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock, IOptions<StatisticsOptions> options)
{
    public async Task<PeriodOverview> HandleAsync(string? municipality, string? region, int year, int? month, int? quarter, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var scope = StatisticsScope.Resolve(municipality, region, options.Value).For(actor, Permission.ReadStatistics);
        var period = ReportingPeriod.Of(year, month, quarter);
        var m = scope.Municipalities.ToList();
        var start = period.From.AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
        var end = period.To.AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
        var now = clock.GetCurrentInstant();
        var ct = cancellationToken;

        var channels = (await db.Cases
                .Where(c => m.Contains(c.Municipality) && c.ReceivedAt >= start && c.ReceivedAt < end)
                .GroupBy(c => c.SourceChannel).Select(g => new { Channel = g.Key, Count = g.Count() })
                .ToListAsync(ct))
            .ToDictionary(x => x.Channel, x => x.Count);
        var signalsByChannel = Enum.GetValues<SourceChannel>().Select(c => new ChannelCount(c, channels.GetValueOrDefault(c))).ToList();

        var positions = await db.Cases.Where(c => m.Contains(c.Municipality))
            .GroupBy(c => new { c.Workflow, c.DefinitionVersion, c.Stage })
            .Select(g => new { g.Key.Workflow, g.Key.DefinitionVersion, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var perStage = new Dictionary<(WorkflowId, StageId), (int Cases, int Overdue)>();
        foreach (var p in positions)
        {
            var overdue = 0;
            if (catalog.Find(new DefinitionKey(p.Workflow, p.DefinitionVersion))?.FindStage(p.Stage)?.Deadline is { } deadline)
            {
                // Entered before (now − deadline) in Amsterdam's calendar means the deadline has passed.
                var cutoff = now.InZone(Amsterdam.Zone).LocalDateTime.Minus(deadline).InZoneLeniently(Amsterdam.Zone).ToInstant();
                overdue = await db.Cases.CountAsync(c => m.Contains(c.Municipality) && c.Workflow == p.Workflow
                    && c.DefinitionVersion == p.DefinitionVersion && c.Stage == p.Stage && c.StageEnteredAt < cutoff, ct);
            }
            var sum = perStage.GetValueOrDefault((p.Workflow, p.Stage));
            perStage[(p.Workflow, p.Stage)] = (sum.Cases + p.Count, sum.Overdue + overdue);
        }
        var casesPerStage = InOrder(perStage.Keys).Select(k => new StageCount(Named(k), perStage[k].Cases, perStage[k].Overdue)).ToList();

        var stays = db.Set<StageStay>().Where(s => m.Contains(s.Municipality) && s.LeftAt >= start && s.LeftAt < end);
        var stayCounts = (await stays.GroupBy(s => new { s.Workflow, s.Stage }).Select(g => new { g.Key.Workflow, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct)).ToDictionary(s => (s.Workflow, s.Stage), s => s.Count);
        var timePerStage = new List<StageDuration>();
        foreach (var (workflow, stage) in InOrder(stayCounts.Keys))
        {
            var count = stayCounts[(workflow, stage)];
            // Nearest rank: the p-th percentile of n values is the ⌈p·n⌉-th smallest, read by the database.
            async Task<Duration> RankAsync(double p)
            {
                var rank = Math.Max(1, (int)Math.Ceiling(p * count));
                var seconds = await stays.Where(x => x.Workflow == workflow && x.Stage == stage).OrderBy(x => x.Seconds)
                    .Skip(rank - 1).Select(x => x.Seconds).FirstAsync(ct);
                return Duration.FromSeconds(seconds);
            }
            timePerStage.Add(new StageDuration(Named((workflow, stage)), count, await RankAsync(0.5), await RankAsync(0.9)));
        }

        return new PeriodOverview(scope, period, now, signalsByChannel, casesPerStage, timePerStage);
    }

    /// <summary>The newest version of the workflow that knows the stage: it names the stage and gives its place in the chain.</summary>
    private WorkflowDefinition? Newest(WorkflowId workflow, StageId stage) =>
        catalog.All.Reverse().FirstOrDefault(d => d.Key.Workflow == workflow && d.FindStage(stage) is not null);

    private WorkflowStage Named((WorkflowId Workflow, StageId Stage) key) =>
        new(key.Workflow, catalog.All.Reverse().FirstOrDefault(d => d.Key.Workflow == key.Workflow)?.Title ?? key.Workflow.Value, key.Stage,
            Newest(key.Workflow, key.Stage)?.FindStage(key.Stage)?.Label ?? key.Stage.Value);

    /// <summary>Per workflow, its stages in the order its newest version lists them; a stage no version knows any more last.</summary>
    private IEnumerable<(WorkflowId Workflow, StageId Stage)> InOrder(IEnumerable<(WorkflowId Workflow, StageId Stage)> keys) =>
        keys.OrderBy(k => k.Workflow.Value, StringComparer.Ordinal)
            .ThenBy(k => Newest(k.Workflow, k.Stage) is { } d ? d.Stages.ToList().FindIndex(s => s.Id == k.Stage) : int.MaxValue)
            .ThenBy(k => k.Stage.Value, StringComparer.Ordinal);
}

/// <summary>What each part of the overview counts, in the words of the report.</summary>
public static class OverviewDefinitions
{
    public const string SignalsByChannel =
        "Aantal geregistreerde signalen per bronkanaal, geteld in de periode (Europe/Amsterdam) waarin het signaal is ontvangen.";
    public const string CasesPerStage =
        "Aantal zaken per fase op het moment van opvragen (niet aan het einde van de periode).";
    public const string Overdue =
        "Zaken waarvan de termijn van de huidige fase (deadline in de werkstroomversie van de zaak) is verstreken sinds de zaak de fase binnenkwam; stand op het moment van opvragen.";
    public const string TimePerStage =
        "Verblijfsduur in een fase, voor elke keer dat een zaak in de periode een fase verliet: mediaan en 90e percentiel (nearest-rank), uit de historie van de zaak.";
}

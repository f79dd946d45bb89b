using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

public sealed record RetentionResult(int ErasedCases, int ErasedItems);

/// <summary>
/// Erases the personal data of closed cases whose retention period (from the case's definition) has passed (the case's
/// subjects, reporter and description, its information items and its enrichment findings), and
/// logs each erasure in the access log and the case history. Safe to run as often as wanted: erased cases are skipped.
/// </summary>
public sealed class RetentionPurge(OndermijningDbContext db, WorkflowCatalog catalog, AccessLog log, IClock clock)
{
    private const int BatchSize = 100;

    /// <summary>Who the scheduled purge acts as: the system, under the administrators' mandate.</summary>
    public static readonly Actor Job = new("job:bewaartermijn", "Automatische bewaartermijn", Organisations.Gemeente,
        new HashSet<Role> { Role.Administrator }, new HashSet<MunicipalityCode>());

    public async Task<RetentionResult> RunAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.RunRetention);

        // The scheduled purge works for every municipality; an administrator who runs it erases only their own.
        var scoped = !ReferenceEquals(actor, Job);
        var own = actor.Municipalities.ToList();
        var now = clock.GetCurrentInstant();
        var local = now.InZone(Amsterdam.Zone).LocalDateTime;
        int cases = 0, items = 0;
        foreach (var definition in catalog.All.Where(d => d.Retention is not null))
        {
            foreach (var stage in definition.Stages.Where(s => s.Kind == StageKind.Final))
            {
                var period = definition.Retention!.PeriodFor(stage.Id);
                // Periods count in calendar months and years of the municipality, not in fixed numbers of seconds.
                var cutoff = local.Minus(period).InZoneLeniently(Amsterdam.Zone).ToInstant();
                var reason = $"Bewaartermijn {PeriodPattern.NormalizingIso.Format(period)} na '{stage.Label}' verstreken ({definition.Key}).";
                while (true)
                {
                    var batch = await db.Cases
                        .Where(c => c.Workflow == definition.Key.Workflow && c.DefinitionVersion == definition.Key.Version
                                    && c.Stage == stage.Id && c.PersonalDataErasedAt == null && c.StageEnteredAt <= cutoff
                                    && (!scoped || own.Contains(c.Municipality)))
                        .Include(c => c.Persons).Include(c => c.Companies).Include(c => c.Addresses).Include(c => c.SearchTerms)
                        .OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id)
                        .AsSplitQuery()
                        .Take(BatchSize)
                        .ToListAsync(cancellationToken);
                    if (batch.Count == 0) break;

                    var ids = batch.Select(c => c.Id).ToList();
                    var municipalities = batch.ToDictionary(c => c.Id, c => (MunicipalityCode?)c.Municipality);
                    var caseItems = await db.InformationItems.Where(i => ids.Contains(i.CaseId) && i.ErasedAt == null).ToListAsync(cancellationToken);
                    var findings = await db.Set<EnrichmentFinding>().Where(f => ids.Contains(f.CaseId)).ToListAsync(cancellationToken);
                    foreach (var finding in findings) finding.Erase();
                    var entries = new List<AccessEntry>();
                    foreach (var @case in batch)
                    {
                        @case.ErasePersonalData(reason, now, actor);
                        entries.Add(new AccessEntry(actor, @case.Id, @case.Municipality, null, AccessAction.Erase, ProcessingActivity.EraseAfterRetention,
                            "bewaartermijn", reason));
                    }
                    foreach (var item in caseItems)
                    {
                        item.Erase(now);
                        entries.Add(new AccessEntry(actor, item.CaseId, municipalities[item.CaseId], item.Id, AccessAction.Erase,
                            ProcessingActivity.EraseAfterRetention, "bewaartermijn", reason));
                    }
                    await log.AppendAsync(entries, cancellationToken);
                    db.ChangeTracker.Clear();
                    cases += batch.Count;
                    items += caseItems.Count;
                }
            }
        }
        if (cases > 0) await db.ReleaseErasedDataAsync(cancellationToken);
        return new RetentionResult(cases, items);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// Enriches every case that waits at its workflow's start stage or at the enrichment stage and has never
/// been enriched. Meant to be run on a schedule; safe to run again at any time.
/// </summary>
public sealed class EnrichNewSignals(OndermijningDbContext db, WorkflowCatalog catalog, EnrichCase enrich, ILogger<EnrichNewSignals> logger)
{
    /// <returns>How many cases were enriched.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        // Asked per definition version, so that the index on version and stage finds the few cases at these stages; asked
        // about the stages alone, the database read every case every five minutes with nothing to do.
        var found = new List<(Instant ReceivedAt, CaseId Id)>();
        foreach (var definition in catalog.All)
        {
            var key = definition.Key;
            var stages = EnrichmentStages(definition);
            found.AddRange((await db.Cases.AsNoTracking()
                    .Where(c => c.Workflow == key.Workflow && c.DefinitionVersion == key.Version && stages.Contains(c.Stage))
                    .Where(c => !db.Set<EnrichmentRun>().Any(r => r.CaseId == c.Id))
                    .Select(c => new { c.ReceivedAt, c.Id })
                    .ToListAsync(cancellationToken))
                .Select(c => (c.ReceivedAt, c.Id)));
        }
        var waiting = found.OrderBy(c => c.ReceivedAt).Select(c => c.Id).ToList();

        var enriched = 0;
        foreach (var caseId in waiting)
        {
            try
            {
                await enrich.RunAsync(caseId, cancellationToken: cancellationToken);
                enriched++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One case that cannot be stored must not keep the others from being enriched.
                logger.LogError(e, "Enriching case {CaseId} failed", caseId);
                db.ChangeTracker.Clear();
            }
        }
        return enriched;
    }

    /// <summary>The start stage, and the stages where the definition declares the enrichment decision is taken.</summary>
    private static List<StageId> EnrichmentStages(WorkflowDefinition definition) =>
        definition.Transitions.Where(t => ChainSteps.VerdictOf(t) is not null).Select(t => t.From)
            .Append(definition.StartStage.Id).Distinct().ToList();
}


using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
        var stages = catalog.All.Select(d => d.StartStage.Id).Append(EnrichmentSteps.Stage).Distinct().ToList();
        var waiting = await db.Cases.AsNoTracking()
            .Where(c => stages.Contains(c.Stage) && !db.Set<EnrichmentRun>().Any(r => r.CaseId == c.Id))
            .OrderBy(c => c.ReceivedAt)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);

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
}

/// <summary>Where enrichment sits in the workflow definitions and the steps its decision takes.</summary>
public static class EnrichmentSteps
{
    public static readonly StageId Stage = new("verrijking");
    public static readonly TriggerId Confirmed = new("bevestigd-naar-lwo");
    public static readonly TriggerId NotConfirmed = new("niet-bevestigd");
}

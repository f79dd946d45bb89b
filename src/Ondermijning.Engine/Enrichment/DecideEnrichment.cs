using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Enrichment;

/// <param name="TakenAt">When the decision was taken, if earlier (on paper); see <see cref="TriggerRequest.TakenAt"/>.</param>
public sealed record EnrichmentVerdict(bool Confirmed, string? Reason, IReadOnlyList<FindingId> FindingIds, Instant? TakenAt = null);

/// <summary>
/// The OOV user's decision on the open sources: the only thing that moves a case out of enrichment. It is
/// stored with the findings it rests on and the proposal of the moment, in the same transaction as the step.
/// </summary>
public sealed class DecideEnrichment(OndermijningDbContext db, EnrichmentQueries queries, FireTrigger fireTrigger, IClock clock)
{

    public async Task<Case> HandleAsync(CaseId caseId, EnrichmentVerdict verdict, Actor actor, CancellationToken cancellationToken = default)
    {
        // The step itself is checked by FireTrigger; the decision is the OOV regisseur's, on the proposal only they read.
        var proposal = await queries.ProposeAsync(caseId, actor, cancellationToken);
        var ids = verdict.FindingIds.Distinct().ToList();
        var known = await db.Set<EnrichmentFinding>().Where(f => f.CaseId == caseId).Select(f => f.Id).ToListAsync(cancellationToken);
        var unknown = ids.Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["findingIds"] = [$"These are not findings of this case: {string.Join(", ", unknown)}."],
            });
        if (verdict.Confirmed && ids.Count == 0)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["findingIds"] = ["Say which findings confirm the signal."],
            });

        var trigger = verdict.Confirmed ? EnrichmentSteps.Confirmed : EnrichmentSteps.NotConfirmed;
        db.Add(EnrichmentDecision.Record(caseId, verdict.Confirmed, verdict.Reason?.Trim(), ids, proposal.Verdict, trigger,
            clock.GetCurrentInstant(), actor));
        // FireTrigger checks stage, role and reason, and saves the decision (with the findings it rests on) together with the step.
        return await fireTrigger.HandleAsync(caseId, new TriggerRequest(trigger, verdict.Reason, new Dictionary<string, string>(), verdict.TakenAt), null, actor, cancellationToken);
    }
}

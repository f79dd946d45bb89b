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
public sealed class DecideEnrichment(OndermijningDbContext db, EnrichmentQueries queries, FireTrigger fireTrigger, WorkflowCatalog catalog, IClock clock)
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
        // A decision recorded afterwards with the date it was taken on paper may rest on findings this system never saw.
        if (verdict.Confirmed && ids.Count == 0 && verdict.TakenAt is null)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["findingIds"] = ["Say which findings confirm the signal."],
            });

        // The step that carries this verdict out is the one the case's definition declares for it, preferably at the case's
        // stage; elsewhere FireTrigger refuses it, naming the steps possible now.
        var at = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Workflow, c.DefinitionVersion, c.Stage }).SingleAsync(cancellationToken);
        var definition = catalog.Get(new DefinitionKey(at.Workflow, at.DefinitionVersion));
        var trigger = (ChainSteps.VerdictStep(definition, at.Stage, verdict.Confirmed)
                       ?? definition.Transitions.FirstOrDefault(t => ChainSteps.VerdictOf(t) == verdict.Confirmed))?.Trigger
            ?? throw new EngineProblem(ProblemKind.Conflict, "This workflow takes no enrichment decision",
                $"No step of {definition.Key} records an enrichment decision.");
        db.Add(EnrichmentDecision.Record(caseId, verdict.Confirmed, verdict.Reason?.Trim(), ids, proposal.Verdict, trigger,
            clock.GetCurrentInstant(), actor));
        // FireTrigger checks stage, role and reason, and saves the decision (with the findings it rests on) together with the step.
        return await fireTrigger.HandleAsync(caseId, new TriggerRequest(trigger, verdict.Reason, new Dictionary<string, string>(), verdict.TakenAt), null, actor, cancellationToken);
    }
}

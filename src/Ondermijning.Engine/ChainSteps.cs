using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine;

/// <summary>The outcome a step records besides the move itself.</summary>
public enum StepRecord { None, EnrichmentDecision, AtomInspection, Interventions }

/// <summary>What a step records, in one place for the pages, the API and the agendas: as its definition declares it.</summary>
public static class ChainSteps
{
    public static StepRecord Records(TransitionDefinition transition) => transition.Records?.Kind switch
    {
        OutcomeKind.EnrichmentDecision => StepRecord.EnrichmentDecision,
        OutcomeKind.AtomInspection => StepRecord.AtomInspection,
        OutcomeKind.MotInterventions => StepRecord.Interventions,
        _ => StepRecord.None,
    };

    /// <summary>True for the step that confirms the signal, false for the one that does not, null for any other step.</summary>
    public static bool? VerdictOf(TransitionDefinition transition) =>
        transition.Records is { Kind: OutcomeKind.EnrichmentDecision, Confirmed: var confirmed } ? confirmed : null;

    /// <summary>The step out of <paramref name="stage"/> that records this enrichment verdict, if the stage has one.</summary>
    public static TransitionDefinition? VerdictStep(WorkflowDefinition definition, StageId stage, bool confirmed) =>
        definition.TransitionsFrom(stage).FirstOrDefault(t => VerdictOf(t) == confirmed);
}

/// <summary>The records a sitting or the case page takes together with a step.</summary>
public sealed record StepOutcomes(AtomInspectionDetails? Inspection, IReadOnlyList<InterventionDetails> Interventions)
{
    public static readonly StepOutcomes None = new(null, []);
}

/// <summary>
/// Takes a step together with the inspection or interventions it rests on: all of it is stored, or none of it, so a
/// refused step leaves no inspection behind to be counted twice when the sitting is submitted again.
/// </summary>
public sealed class TakeStepWithOutcomes(OndermijningDbContext db, FireTrigger fireTrigger, RecordAtomInspection atom, RecordIntervention interventions)
{
    public async Task<Case> HandleAsync(CaseId caseId, TriggerRequest request, int? expectedRevision, StepOutcomes outcomes, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (outcomes.Inspection is null && outcomes.Interventions.Count == 0)
            return await fireTrigger.HandleAsync(caseId, request, expectedRevision, actor, cancellationToken);
        Case? moved = null;
        try
        {
            // Under the database's write rules (on SQLite: this process's writers' gate first, then the transaction), so a
            // transaction held here never waits for a writer that waits for it.
            await db.WriteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                if (outcomes.Inspection is { } inspection) await atom.HandleAsync(caseId, inspection, actor, cancellationToken);
                foreach (var intervention in outcomes.Interventions) await interventions.HandleAsync(caseId, intervention, actor, cancellationToken);
                moved = await fireTrigger.HandleAsync(caseId, request, expectedRevision, actor, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }, cancellationToken);
        }
        catch
        {
            // What was added before the refusal must not ride along with the next save of this unit of work.
            db.ChangeTracker.Clear();
            throw;
        }
        return moved!;
    }
}

/// <summary>A case is not closed while an intervention decided for it is still planned: it is executed or dropped first.</summary>
internal sealed class InterventionsFinishBeforeClosing(OndermijningDbContext db) : IStepObserver
{
    public async Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        if (step.Definition.Stage(step.Transition.To).Kind != StageKind.Final) return;
        var planned = await db.Set<Intervention>().CountAsync(i => i.CaseId == step.Case.Id && i.Status == InterventionStatus.Planned, cancellationToken);
        if (planned > 0)
            throw new EngineProblem(ProblemKind.RuleViolation, "Interventions are still planned",
                $"{planned} intervention(s) of this case are still planned; mark each executed or dropped before closing the case.",
                new Dictionary<string, string[]> { ["interventions"] = [$"{planned} intervention(s) still planned."] });
    }
}

/// <summary>
/// A step that records the enrichment decision is taken only together with that decision (<see cref="DecideEnrichment"/>),
/// whoever takes it: otherwise <c>POST /api/cases/{id}/transitions</c> would confirm a signal with no findings behind it.
/// </summary>
internal sealed class EnrichmentDecisionGoesWithItsStep(OndermijningDbContext db) : IStepObserver
{
    public Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        if (ChainSteps.VerdictOf(step.Transition) is null) return Task.CompletedTask;
        var recorded = db.ChangeTracker.Entries<EnrichmentDecision>()
            .Any(e => e.State == EntityState.Added && e.Entity.CaseId == step.Case.Id && e.Entity.Trigger == step.Transition.Trigger);
        return recorded
            ? Task.CompletedTask
            : throw new EngineProblem(ProblemKind.RuleViolation, $"'{step.Transition.Label}' records the enrichment decision",
                $"This step is taken by recording the enrichment decision, with the findings it rests on: POST /api/cases/{step.Case.Id}/enrichment/decision.",
                new Dictionary<string, string[]> { ["trigger"] = ["This step is taken by recording the enrichment decision."] });
    }
}

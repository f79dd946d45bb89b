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
/// A step that declares an outcome is taken only with that outcome recorded, whoever takes it and by whatever path:
/// otherwise <c>POST /api/cases/{id}/transitions</c> would confirm a signal with no findings behind it, or leave the ATOM
/// or the MOT without the inspection or interventions the annual table counts. The enrichment decision is recorded with
/// its step (<see cref="DecideEnrichment"/>); an inspection or the interventions with the step, or before it during the
/// case's stay at that stage (<c>POST …/atom-inspections</c>, <c>POST …/interventions</c>).
/// </summary>
internal sealed class StepRestsOnItsOutcome(OndermijningDbContext db) : IStepObserver
{
    public async Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        var (id, since) = (step.Case.Id, step.LeftStageEnteredAt);
        switch (ChainSteps.Records(step.Transition))
        {
            case StepRecord.EnrichmentDecision when !db.ChangeTracker.Entries<EnrichmentDecision>()
                .Any(e => e.State == EntityState.Added && e.Entity.CaseId == id && e.Entity.Trigger == step.Transition.Trigger):
                throw Refused(step, "the enrichment decision", "trigger",
                    $"This step is taken by recording the enrichment decision, with the findings it rests on: POST /api/cases/{id}/enrichment/decision.");
            case StepRecord.AtomInspection when !db.ChangeTracker.Entries<AtomInspection>().Any(e => e.State == EntityState.Added && e.Entity.CaseId == id)
                && !await db.Set<AtomInspection>().AnyAsync(i => i.CaseId == id && i.RecordedAt >= since, cancellationToken):
                throw Refused(step, "the ATOM inspection", "inspection",
                    $"Record the integrated inspection this decision rests on (POST /api/cases/{id}/atom-inspections), then take the step.");
            case StepRecord.Interventions when !db.ChangeTracker.Entries<Intervention>().Any(e => e.State == EntityState.Added && e.Entity.CaseId == id)
                && !await db.Set<Intervention>().AnyAsync(i => i.CaseId == id && i.RecordedAt >= since, cancellationToken):
                throw Refused(step, "the interventions the MOT decided", "interventions",
                    $"Record at least one intervention the MOT decided on (POST /api/cases/{id}/interventions), then take the step.");
        }
    }

    private static EngineProblem Refused(StepTaken step, string outcome, string field, string detail) =>
        new(ProblemKind.RuleViolation, $"'{step.Transition.Label}' records {outcome}", detail,
            new Dictionary<string, string[]> { [field] = [$"This step records {outcome}."] });
}

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

/// <summary>
/// What a step records, in one place for the pages and the API. Until a definition can declare it per step, it follows
/// from where the step sits: the enrichment verdicts, a step out of an ATOM stage (the inspection it rests on), and a step
/// out of a MOT stage that does not close the case (the interventions decided there).
/// </summary>
public static class ChainSteps
{
    public static StepRecord Records(WorkflowDefinition definition, TransitionDefinition transition)
    {
        if (VerdictOf(transition) is not null) return StepRecord.EnrichmentDecision;
        var from = definition.Stage(transition.From).Table;
        if (from == ChainTable.Atom) return StepRecord.AtomInspection;
        if (from == ChainTable.Mot && definition.Stage(transition.To).Kind != StageKind.Final) return StepRecord.Interventions;
        return StepRecord.None;
    }

    /// <summary>True for the step that confirms the signal, false for the one that does not, null for any other step.</summary>
    public static bool? VerdictOf(TransitionDefinition transition) =>
        transition.Trigger == EnrichmentSteps.Confirmed ? true : transition.Trigger == EnrichmentSteps.NotConfirmed ? false : null;
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

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Cases;

/// <summary>Takes one step on a case: the only way a case's stage changes in the ordinary course.</summary>
public sealed class FireTrigger(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog, IClock clock, IEnumerable<IStepObserver> observers)
{
    public async Task<Case> HandleAsync(CaseId caseId, TriggerRequest request, int? expectedRevision, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var f = new Fields();
        f.Text(request.Trigger.Value, "trigger", "Say which step to take.", Limits.Code);
        f.OptionalText(request.Reason, "reason", Limits.Reason, TextKind.MultiLine);
        foreach (var (key, value) in request.Information)
            if (f.OptionalText(key, "information", Limits.Code) is not null)
                f.OptionalText(value, $"information.{key}", Limits.StepInformation, TextKind.MultiLine);
        f.ThrowIfAny();
        var @case = await gate.CaseAsync(caseId, actor, Permission.TakeStep, tracked: true, cancellationToken: cancellationToken);

        if (expectedRevision is { } expected && expected != @case.Revision)
            throw CaseProblems.ChangedMeanwhile(@case.Revision, expected);

        var definition = catalog.Get(@case.Definition);
        if (!definition.DefinesTrigger(request.Trigger))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["trigger"] = [$"'{request.Trigger}' is not a step in workflow {definition.Key}."],
            });

        var transition = definition.TransitionsFrom(@case.Stage).SingleOrDefault(t => t.Trigger == request.Trigger);
        if (transition is null)
        {
            var possible = definition.TransitionsFrom(@case.Stage).Select(t => $"'{t.Trigger}'").ToList();
            throw new EngineProblem(ProblemKind.Conflict, "This step is not possible at the case's current stage",
                $"The case is at stage '{definition.Stage(@case.Stage).Label}', where '{request.Trigger}' cannot be taken. " +
                (possible.Count == 0 ? "The case is closed." : $"Possible now: {string.Join(", ", possible)}."));
        }

        var standing = CaseStateMachine.StandingRequirements(definition, transition, @case.Severity, actor);
        // Who the actor is cannot be fixed by typing something else: forbidden, not a rule still to meet.
        if (standing.FirstOrDefault(u => u.Field is "role" or "organisation") is { } notYours)
            throw new EngineProblem(ProblemKind.Forbidden, "You may not take this step", notYours.Message);

        var now = clock.GetCurrentInstant();
        var information = new Dictionary<string, string>();
        var unmet = standing.Concat(CaseStateMachine.InputRequirements(transition, request, now.InZone(Amsterdam.Zone).Date, information)).ToList();
        var errors = unmet.GroupBy(u => u.Field).ToDictionary(g => g.Key, g => g.Select(u => u.Message).ToArray());
        if (unmet.Any(u => u.Malformed)) throw EngineProblem.Validation(errors);
        if (unmet.Count > 0)
            throw new EngineProblem(ProblemKind.RuleViolation, $"'{transition.Label}' cannot be taken yet",
                "The workflow requires more before this step can be taken; see 'errors'.",
                errors);

        var to = CaseStateMachine.Fire(definition, @case.Stage, request.Trigger, () => unmet.Count == 0);
        var leftStageEnteredAt = @case.StageEnteredAt;
        var entry = @case.MoveTo(definition.Stage(to), request.Trigger, request.Reason?.Trim(), information, now, actor);
        var step = new StepTaken(@case, definition, transition, entry, leftStageEnteredAt, actor);
        foreach (var observer in observers) await observer.ObserveAsync(step, cancellationToken);

        await db.SaveCaseChangesAsync(cancellationToken);
        return @case;
    }
}

internal static class CaseProblems
{
    public static EngineProblem NotFound(CaseId id) =>
        new(ProblemKind.NotFound, "Case not found", $"There is no case with id {id}.");

    public static EngineProblem ChangedMeanwhile(int actual, int expected) =>
        new(ProblemKind.Conflict, "The case was changed by someone else",
            $"You were looking at revision {expected}, but the case is now at revision {actual}. Reload the case and try again.");

    public static EngineProblem ConcurrentChange() =>
        new(ProblemKind.Conflict, "The case was changed by someone else",
            "Someone else changed this case at the same moment; your change was not saved. Reload the case and try again.");
}

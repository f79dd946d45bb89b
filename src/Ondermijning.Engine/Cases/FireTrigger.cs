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

        // Cut to what every database stores, so the step as answered equals the step as re-read.
        var now = clock.GetCurrentInstant().ToWholeMicroseconds();
        var information = new Dictionary<string, string>();
        var unmet = standing.Concat(CaseStateMachine.InputRequirements(transition, request, now.InZone(Amsterdam.Zone).Date, information)).ToList();
        var errors = unmet.GroupBy(u => u.Field).ToDictionary(g => g.Key, g => g.Select(u => u.Message).ToArray());
        if (unmet.Any(u => u.Malformed)) throw EngineProblem.Validation(errors);
        if (unmet.Count > 0)
            throw new EngineProblem(ProblemKind.RuleViolation, $"'{transition.Label}' cannot be taken yet",
                "The workflow requires more before this step can be taken; see 'errors'.",
                errors);

        var (at, leftStageEnteredAt) = await MomentOfStepAsync(@case, request.TakenAt, now, cancellationToken);
        var entry = @case.MoveTo(definition.Stage(transition.To), request.Trigger, request.Reason?.Trim(), information, at, now, actor);
        var step = new StepTaken(@case, definition, transition, entry, leftStageEnteredAt, actor);
        foreach (var observer in observers) await observer.ObserveAsync(step, cancellationToken);

        await db.SaveCaseChangesAsync(cancellationToken);
        return @case;
    }

    /// <summary>
    /// When the step happened, and when the stay it ends began. A step taken on paper is dated by <paramref name="takenAt"/>:
    /// not in the future, and not before the signal was received or the case's previous step, so the history runs forward.
    /// A case registered today with an earlier <see cref="Case.ReceivedAt"/> entered its first stage today; a step dated
    /// before that ends a stay that began when the case could first have been acted on.
    /// </summary>
    private async Task<(Instant At, Instant LeftStageEnteredAt)> MomentOfStepAsync(Case @case, Instant? takenAt, Instant now,
        CancellationToken cancellationToken)
    {
        if (takenAt is not { } taken) return (now, @case.StageEnteredAt);
        taken = taken.ToWholeMicroseconds();
        var previousStep = await db.CaseHistory.AsNoTracking()
            .Where(h => h.CaseId == @case.Id && (h.Kind == HistoryKind.Transition || h.Kind == HistoryKind.Migration))
            .OrderByDescending(h => h.Sequence).Select(h => (Instant?)h.At).FirstOrDefaultAsync(cancellationToken);
        var earliest = previousStep is { } p && p > @case.ReceivedAt ? p : @case.ReceivedAt;
        var f = new Fields();
        if (MomentRule.CheckNotAfter(taken, now) is { } future) f.Error("takenAt", future);
        else if (taken < earliest)
            f.Error("takenAt", new Breach(FieldRule.MomentTooEarly,
                $"The step cannot be dated before {(previousStep == earliest ? "the case's previous step" : "the signal was received")} ({earliest})."));
        f.ThrowIfAny();
        return (taken, taken < @case.StageEnteredAt ? earliest : @case.StageEnteredAt);
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

using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Cases;

/// <summary>A step just taken on a case, not yet saved.</summary>
/// <param name="LeftStageEnteredAt">When the case entered the stage it just left.</param>
public sealed record StepTaken(Case Case, WorkflowDefinition Definition, TransitionDefinition Transition, CaseHistoryEntry Entry,
    Instant LeftStageEnteredAt, Actor Actor);

/// <summary>
/// A slice that keeps its own record of what a step decided (the LWO's route, the time spent in a stage).
/// It is told before the step is saved, so its record and the step are saved together or not at all, and it may
/// refuse the step with an <see cref="EngineProblem"/>.
/// </summary>
public interface IStepObserver
{
    Task ObserveAsync(StepTaken step, CancellationToken cancellationToken);
}

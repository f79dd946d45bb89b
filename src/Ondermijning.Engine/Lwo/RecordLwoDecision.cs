using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Lwo;

/// <summary>
/// Records the LWO's decision whenever a step carries one out, so the route is never typed in twice.
/// Which steps are LWO decisions, and which route each one means, is read from the definition the case runs on
/// (see <see cref="LwoRoutes"/>); firing the step through the ordinary API is all a user does. The meeting date and the
/// chain partner are the inputs the step declares in those roles, whatever their keys.
/// </summary>
internal sealed class RecordLwoDecision(OndermijningDbContext db) : IStepObserver
{
    public Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        if (LwoRoutes.RouteOf(step.Transition) is not { } route) return Task.CompletedTask;

        var stepDate = step.Entry.At.InZone(Amsterdam.Zone).Date;
        var meetingDate = MeetingDate(step, stepDate);
        var partner = route == LwoRoute.Ketenpartner && step.Transition.InputFor(InputRole.ChainPartner) is { } input
            && step.Entry.Information.TryGetValue(input.Key, out var name)
            ? name.Trim()
            : null;
        db.Set<LwoDecision>().Add(new LwoDecision(step.Case.Id, step.Case.Municipality, route, partner, step.Entry.Reason,
            meetingDate, step.Entry.At, step.Transition.Trigger, step.Entry.Sequence));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The step has checked the meeting date against its declared type (<see cref="CaseStateMachine.InputRequirements"/>);
    /// a step that asks for no meeting date (v2's Bibob advice → MOT) is dated by the step itself.
    /// </summary>
    private static LocalDate MeetingDate(StepTaken step, LocalDate stepDate) =>
        step.Transition.InputFor(InputRole.MeetingDate) is { } input
        && step.Entry.Information.TryGetValue(input.Key, out var text) && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : stepDate;
}

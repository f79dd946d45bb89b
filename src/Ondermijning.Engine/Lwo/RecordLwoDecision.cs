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
/// (see <see cref="LwoRoutes"/>); firing the step through the ordinary API is all a user does.
/// </summary>
internal sealed class RecordLwoDecision(OndermijningDbContext db) : IStepObserver
{
    public const string MeetingDateKey = "vergaderdatum";
    public const string ChainPartnerKey = "ketenpartner";

    public Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        if (LwoRoutes.RouteOf(step.Definition, step.Transition) is not { } route) return Task.CompletedTask;

        var stepDate = step.Entry.At.InZone(Amsterdam.Zone).Date;
        var meetingDate = MeetingDate(step, stepDate);
        var partner = route == LwoRoute.Ketenpartner && step.Entry.Information.TryGetValue(ChainPartnerKey, out var name)
            ? name.Trim()
            : null;
        db.Set<LwoDecision>().Add(new LwoDecision(step.Case.Id, step.Case.Municipality, route, partner, step.Entry.Reason,
            meetingDate, step.Entry.At, step.Transition.Trigger, step.Entry.Sequence));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The step has checked the meeting date against its declared type (<see cref="CaseStateMachine.InputRequirements"/>);
    /// a step that does not ask for it as a date (v2's Bibob advice → MOT) is dated by the step itself.
    /// </summary>
    private static LocalDate MeetingDate(StepTaken step, LocalDate stepDate) =>
        step.Transition.Guards.RequiredInformation.Any(r => r.Key == MeetingDateKey && r.Type == InformationType.Date)
        && step.Entry.Information.TryGetValue(MeetingDateKey, out var text) && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : stepDate;
}

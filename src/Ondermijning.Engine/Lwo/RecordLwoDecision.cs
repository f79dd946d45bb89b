using NodaTime;
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
        var meetingDate = MeetingDate(step.Entry.Information, stepDate);
        var partner = route == LwoRoute.Ketenpartner && step.Entry.Information.TryGetValue(ChainPartnerKey, out var name)
            ? name.Trim()
            : null;
        db.Set<LwoDecision>().Add(new LwoDecision(step.Case.Id, step.Case.Municipality, route, partner, step.Entry.Reason,
            meetingDate, step.Entry.At, step.Transition.Trigger, step.Entry.Sequence));
        return Task.CompletedTask;
    }

    /// <summary>A step that does not ask for the meeting date (v2's Bibob advice → MOT) is dated by the step itself.</summary>
    private static LocalDate MeetingDate(IReadOnlyDictionary<string, string> information, LocalDate stepDate)
    {
        if (!information.TryGetValue(MeetingDateKey, out var text) || string.IsNullOrWhiteSpace(text)) return stepDate;
        // The decision is recorded after the meeting, so its date is not after the step's.
        var f = new Fields();
        var date = f.OptionalDate(text, $"information.{MeetingDateKey}", notAfter: stepDate);
        f.ThrowIfAny();
        return date ?? stepDate;
    }
}

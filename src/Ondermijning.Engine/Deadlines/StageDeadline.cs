using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Deadlines;

/// <summary>When a stay in a stage is due, from the stage's ISO-8601 deadline.</summary>
public static class StageDeadline
{
    /// <summary>
    /// Calendar arithmetic on the Amsterdam wall clock: "P1D" from Saturday 10:00 is Sunday 10:00 even when
    /// summer time starts in between (23 hours) — what a policy adviser means by "a day". A local time that does
    /// not exist or occurs twice is resolved leniently, so every deadline has exactly one instant.
    /// </summary>
    public static Instant? DueAt(Instant enteredAt, Period? deadline)
    {
        if (deadline is null) return null;
        var local = enteredAt.InZone(Amsterdam.Zone).LocalDateTime + deadline;
        return local.InZoneLeniently(Amsterdam.Zone).ToInstant();
    }
}

using NodaTime;
using NodaTime.Text;

namespace Ondermijning.Engine.Common;

/// <summary>
/// A moment people write as they know it: a date alone (the start of that day), a date and a time on the Amsterdam wall
/// clock, or an instant with its offset. Wall-clock times the clock skips or repeats when summer time starts or ends are
/// read leniently (a skipped time moves on by the length of the gap, a repeated one is its first occurrence): someone who writes
/// 02:30 on that night means that night, and refusing it would make the moment impossible to record.
/// </summary>
public static class MomentRule
{
    public const string Rule =
        "Write the moment as YYYY-MM-DD (the start of that day), YYYY-MM-DDTHH:mm[:ss] (Europe/Amsterdam) or with an offset (…Z, …+01:00).";

    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss;FFFFFFF"),
    ];

    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.Create("uuuu'-'MM'-'dd'T'HH':'mmo<G>", System.Globalization.CultureInfo.InvariantCulture, default),
    ];

    private static readonly LocalTimePattern[] TimePatterns =
    [
        LocalTimePattern.CreateWithInvariantCulture("HH:mm"),
        LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"),
    ];

    public static Breach? Parse(string text, out Instant moment)
    {
        moment = default;
        var trimmed = text.Trim();
        if (LocalDatePattern.Iso.Parse(trimmed) is { Success: true } date) return FromParts(date.Value, null, out moment);
        foreach (var pattern in LocalPatterns)
            if (pattern.Parse(trimmed) is { Success: true } local) return FromParts(local.Value.Date, local.Value.TimeOfDay, out moment);
        foreach (var pattern in OffsetPatterns)
            if (pattern.Parse(trimmed) is { Success: true } offset)
            {
                if (DateRule.Check(offset.Value.Date) is { } breach) return breach;
                moment = offset.Value.ToInstant();
                return null;
            }
        return new Breach(FieldRule.DateFormat, Rule);
    }

    public static Breach? ParseTime(string text, out LocalTime time)
    {
        time = default;
        foreach (var pattern in TimePatterns)
            if (pattern.Parse(text.Trim()) is { Success: true } parsed)
            {
                time = parsed.Value;
                return null;
            }
        return new Breach(FieldRule.TimeFormat, "Write the time as HH:mm, e.g. 14:30.");
    }

    public static Breach? FromParts(LocalDate date, LocalTime? time, out Instant moment)
    {
        moment = default;
        if (DateRule.Check(date) is { } breach) return breach;
        moment = date.At(time ?? LocalTime.Midnight).InZoneLeniently(Amsterdam.Zone).ToInstant();
        return null;
    }

    /// <summary>Not later than <paramref name="now"/>: what has already happened.</summary>
    public static Breach? CheckNotAfter(Instant moment, Instant now) =>
        moment > now ? new Breach(FieldRule.MomentInFuture, "The moment lies in the future.") : null;
}

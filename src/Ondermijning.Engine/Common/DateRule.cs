using NodaTime;
using NodaTime.Text;

namespace Ondermijning.Engine.Common;

/// <summary>
/// Dates the engine takes: written YYYY-MM-DD and between 1900 and 2100. Outside that range a date is a typing error, and
/// near the calendar's edges (9999-12-31) the end of the day overflows when it becomes an instant.
/// </summary>
public static class DateRule
{
    public static readonly LocalDate Earliest = new(1900, 1, 1);
    public static readonly LocalDate Latest = new(2100, 12, 31);

    public static Breach? Parse(string text, out LocalDate date)
    {
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success ? Check(date) : new Breach(FieldRule.DateFormat, "Write the date as YYYY-MM-DD.");
    }

    /// <summary>The range, and with <paramref name="notAfter"/> (today, for what has already happened) not later than that.</summary>
    public static Breach? Check(LocalDate date, LocalDate? notAfter = null)
    {
        if (date < Earliest || date > Latest)
            return new Breach(FieldRule.DateOutOfRange, $"Give a date between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
        if (date > notAfter) return new Breach(FieldRule.DateInFuture, "The date lies in the future.");
        return null;
    }
}

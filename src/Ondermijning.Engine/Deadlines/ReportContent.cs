using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Deadlines;

/// <summary>
/// What goes into one kind of report for one period. Exactly one implementation per kind is registered;
/// replacing that registration replaces the content, while producing, storing and serving stay as they are.
/// </summary>
public interface IReportContent
{
    ReportKind Kind { get; }

    /// <returns>An object serialised as the report's JSON content.</returns>
    Task<object> ProduceAsync(DateInterval period, CancellationToken cancellationToken);
}

public static class ReportPeriods
{
    /// <summary>The last complete period of <paramref name="kind"/> before <paramref name="today"/>.</summary>
    public static DateInterval Previous(ReportKind kind, LocalDate today) => kind switch
    {
        ReportKind.MonthlyOverview => Month(today.PlusMonths(-1).Year, today.PlusMonths(-1).Month),
        ReportKind.AnnualDraft => new DateInterval(new LocalDate(today.Year - 1, 1, 1), new LocalDate(today.Year - 1, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The period of <paramref name="kind"/> after the one that starts on <paramref name="start"/>.</summary>
    public static DateInterval Following(ReportKind kind, LocalDate start) => kind switch
    {
        ReportKind.MonthlyOverview => Month(start.PlusMonths(1).Year, start.PlusMonths(1).Month),
        ReportKind.AnnualDraft => new DateInterval(new LocalDate(start.Year + 1, 1, 1), new LocalDate(start.Year + 1, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static DateInterval Month(int year, int month)
    {
        var start = new LocalDate(year, month, 1);
        return new DateInterval(start, start.PlusMonths(1).PlusDays(-1));
    }

    /// <summary>The instants that bound the period on the Amsterdam calendar: [start, end).</summary>
    public static (Instant From, Instant To) Instants(DateInterval period) =>
        (period.Start.AtStartOfDayInZone(Amsterdam.Zone).ToInstant(),
         period.End.PlusDays(1).AtStartOfDayInZone(Amsterdam.Zone).ToInstant());
}

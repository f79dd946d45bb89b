using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Engine.Tests.Deadlines;

public class StageDeadlineTests
{
    private static Instant AmsterdamTime(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Amsterdam.Zone).ToInstant();

    private static Period P(string iso) => PeriodPattern.NormalizingIso.Parse(iso).Value;

    [Fact]
    public void A_day_across_the_start_of_summer_time_keeps_the_wall_clock_and_lasts_23_hours()
    {
        // Saturday 30 March 2024, the day before the last Sunday of March.
        var entered = AmsterdamTime(2024, 3, 30, 10);

        var due = StageDeadline.DueAt(entered, P("P1D"))!.Value;

        due.InZone(Amsterdam.Zone).LocalDateTime.Should().Be(new LocalDateTime(2024, 3, 31, 10, 0));
        (due - entered).Should().Be(Duration.FromHours(23));
    }

    [Fact]
    public void A_day_across_the_end_of_summer_time_keeps_the_wall_clock_and_lasts_25_hours()
    {
        // Saturday 26 October 2024, the day before the last Sunday of October.
        var entered = AmsterdamTime(2024, 10, 26, 10);

        var due = StageDeadline.DueAt(entered, P("P1D"))!.Value;

        due.InZone(Amsterdam.Zone).LocalDateTime.Should().Be(new LocalDateTime(2024, 10, 27, 10, 0));
        (due - entered).Should().Be(Duration.FromHours(25));
    }

    [Theory]
    [InlineData(3, 30, 4, 13, -1)]
    [InlineData(10, 26, 11, 9, +1)]
    public void Fourteen_days_across_a_clock_change_end_at_the_same_local_time(int month, int day, int dueMonth, int dueDay, int hoursShift)
    {
        var entered = AmsterdamTime(2024, month, day, 16, 30);

        var due = StageDeadline.DueAt(entered, P("P14D"))!.Value;

        due.InZone(Amsterdam.Zone).LocalDateTime.Should().Be(new LocalDateTime(2024, dueMonth, dueDay, 16, 30));
        (due - entered).Should().Be(Duration.FromDays(14) + Duration.FromHours(hoursShift));
    }

    [Fact]
    public void A_due_time_that_does_not_exist_on_the_clock_moves_forward_past_the_gap()
    {
        // 02:30 on 31 March 2024 is skipped: the clocks jump from 02:00 to 03:00.
        var entered = AmsterdamTime(2024, 3, 30, 2, 30);

        var due = StageDeadline.DueAt(entered, P("P1D"))!.Value;

        due.InZone(Amsterdam.Zone).LocalDateTime.Should().Be(new LocalDateTime(2024, 3, 31, 3, 30));
    }

    [Fact]
    public void Months_follow_the_calendar()
    {
        var entered = AmsterdamTime(2024, 1, 31, 9);

        StageDeadline.DueAt(entered, P("P1M"))!.Value.InZone(Amsterdam.Zone).LocalDateTime
            .Should().Be(new LocalDateTime(2024, 2, 29, 9, 0));
    }

    [Fact]
    public void A_stage_without_a_deadline_has_no_due_date() =>
        StageDeadline.DueAt(Instant.FromUtc(2024, 6, 3, 8, 0), null).Should().BeNull();
}

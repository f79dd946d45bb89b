using FluentAssertions;
using NodaTime;
using Ondermijning.Engine.Common;
using Xunit;

namespace Ondermijning.Engine.Tests.Common;

public class MomentRuleTests
{
    [Theory]
    [InlineData("2025-03-14", "2025-03-13T23:00:00Z")] // the start of the day in Amsterdam (winter time)
    [InlineData("2025-07-14T09:30", "2025-07-14T07:30:00Z")] // summer time
    [InlineData(" 2025-07-14T09:30:15 ", "2025-07-14T07:30:15Z")]
    [InlineData("2025-07-14T09:30:00+02:00", "2025-07-14T07:30:00Z")]
    [InlineData("2025-07-14T07:30Z", "2025-07-14T07:30:00Z")]
    [InlineData("2025-03-30T02:30", "2025-03-30T01:30:00Z")] // in the spring-forward gap: moved on by the gap, to 03:30
    [InlineData("2025-10-26T02:30", "2025-10-26T00:30:00Z")] // repeated at the fall-back: its first occurrence
    public void A_moment_is_read_as_people_write_it(string text, string expected)
    {
        MomentRule.Parse(text, out var moment).Should().BeNull();
        moment.Should().Be(NodaTime.Text.InstantPattern.ExtendedIso.Parse(expected).Value);
    }

    [Theory]
    [InlineData("gisteren", FieldRule.DateFormat)]
    [InlineData("2025-02-30", FieldRule.DateFormat)]
    [InlineData("14-03-2025", FieldRule.DateFormat)]
    [InlineData("1899-12-31", FieldRule.DateOutOfRange)]
    [InlineData("2101-01-01T10:00+01:00", FieldRule.DateOutOfRange)]
    public void What_is_not_a_moment_names_its_rule(string text, FieldRule rule) =>
        MomentRule.Parse(text, out _)!.Rule.Should().Be(rule);

    [Fact]
    public void A_form_gives_the_date_and_time_apart_and_a_time_without_a_date_is_refused_not_dropped()
    {
        var f = new Fields();
        f.OptionalMoment("2025-03-14", "09:30", "d", "t").Should().Be(Instant.FromUtc(2025, 3, 14, 8, 30));
        f.OptionalMoment("2025-03-14", null, "d", "t").Should().Be(Instant.FromUtc(2025, 3, 13, 23, 0));
        f.OptionalMoment(null, null, "d", "t").Should().BeNull();
        f.Any.Should().BeFalse();

        f.OptionalMoment("", "09:30", "d", "t").Should().BeNull();
        f.Has("d").Should().BeTrue();
        var g = new Fields();
        g.OptionalMoment("2025-03-14", "25:00", "d", "t").Should().BeNull();
        g.Has("t").Should().BeTrue();
    }

    [Fact]
    public void Later_than_now_is_in_the_future()
    {
        var now = Instant.FromUtc(2026, 12, 1, 10, 0);
        MomentRule.CheckNotAfter(now, now).Should().BeNull();
        MomentRule.CheckNotAfter(now + Duration.FromSeconds(1), now)!.Rule.Should().Be(FieldRule.MomentInFuture);
    }
}

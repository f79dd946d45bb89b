using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Statistics;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Tests.Signals;

/// <summary>
/// A signal registered with the moment it was received: on the clock of today (not a clock set back to the past), it is
/// shown, versioned and counted by that moment.
/// </summary>
public class ReceivedAtTests
{
    private static readonly Instant Today = SystemClock.Instance.GetCurrentInstant();
    private static int ThisYear => Today.InZone(Amsterdam.Zone).Year;

    private static object Signal(string? receivedAt, string channel = "melding-gemeente") => new
    {
        municipality = "GM0935", sourceChannel = channel, description = "Brief over drukte bij een kapsalon", receivedAt,
    };

    private static async Task<JsonObject> AnnualAsync(HttpClient client, int year)
    {
        var response = await client.GetAsync($"/api/statistics/annual?municipality=GM0935&year={year}");
        await response.ShouldHaveStatus(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task A_signal_registered_today_with_last_years_date_shows_that_moment_and_counts_in_last_years_table()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        var lastYear = ThisYear - 1;

        var letter = await client.RegisterAsync(Signal($"{lastYear}-03-14T09:30"));
        await client.RegisterAsync(Signal(null));

        var expected = new LocalDateTime(lastYear, 3, 14, 9, 30).InZoneStrictly(Amsterdam.Zone).ToInstant();
        var stored = await client.GetCaseAsync(letter.Str("id"));
        InstantPattern.ExtendedIso.Parse(stored.Str("receivedAt")).Value.Should().Be(expected);
        InstantPattern.ExtendedIso.Parse(stored.Str("stageEnteredAt")).Value.Should().Be(Today.ToWholeMicroseconds(),
            "the case enters its first stage when it is registered, so its deadline runs from then");
        var last = AnnualStatisticsTests.Figures(await AnnualAsync(client, lastYear));
        last["signalen.ontvangen"].Should().Be(1);
        last["signalen.melding-gemeente"].Should().Be(1);
        var current = AnnualStatisticsTests.Figures(await AnnualAsync(client, ThisYear));
        current["signalen.ontvangen"].Should().Be(1, "only the signal received now counts this year");
    }

    [Theory]
    [InlineData("2024-05-01", 1)]
    [InlineData("2019-06-01T12:00", 1)] // before the first version applies: the oldest version covers it
    [InlineData("2025-01-01T00:00", 2)]
    [InlineData("2024-12-31T23:30:00Z", 2)] // 00:30 on 1 January 2025 in Amsterdam
    [InlineData(null, 2)]
    public async Task The_case_starts_on_the_version_that_applied_when_the_signal_was_received(string? receivedAt, int version)
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();

        var registered = await client.RegisterAsync(Signal(receivedAt));

        registered.Int("definitionVersion").Should().Be(version);
    }

    [Theory]
    [InlineData("morgen", "receivedAt")]
    [InlineData("2024-02-30", "receivedAt")]
    [InlineData("1850-01-01", "receivedAt")]
    public async Task A_moment_that_cannot_be_read_is_refused_and_nothing_is_stored(string receivedAt, string field)
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();

        var problem = await (await client.PostAsJsonAsync("/api/signals", Signal(receivedAt))).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]![field].Should().NotBeNull(problem.ToJsonString());
        (await client.CaseCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_moment_in_the_future_is_refused_by_the_engine_even_later_today()
    {
        // Noon today, so that an hour later is still today: the request's date check lets it through, the engine does not.
        var noon = Today.InZone(Amsterdam.Zone).Date.At(new LocalTime(12, 0)).InZoneStrictly(Amsterdam.Zone).ToInstant();
        await using var factory = new ApiFactory(clock: new FakeClock(noon));
        var client = factory.CreateClient();
        var inAnHour = InstantPattern.ExtendedIso.Format(noon.Plus(Duration.FromHours(1)));

        var problem = await (await client.PostAsJsonAsync("/api/signals", Signal(inAnHour))).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["receivedAt"]![0]!.GetValue<string>().Should().Be("The moment lies in the future.");
        (await client.CaseCountAsync()).Should().Be(0);
    }
}

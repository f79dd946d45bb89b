using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Tests.Statistics;
using Ondermijning.Engine.Common;

namespace Ondermijning.Api.Tests.Cases;

/// <summary>
/// Steps taken on paper, recorded today with their own date: on the clock of today, the history and the annual table
/// count them at that date, and the history keeps who recorded them and when.
/// </summary>
public class TakenAtTests
{
    private static readonly Instant Today = SystemClock.Instance.GetCurrentInstant();
    private static int LastYear => Today.InZone(Amsterdam.Zone).Year - 1;

    private static Instant At(int month, int day) => new LocalDate(LastYear, month, day).AtStartOfDayInZone(Amsterdam.Zone).ToInstant();

    private static Task<HttpResponseMessage> FireAsync(HttpClient client, string id, string trigger, string? takenAt,
        Dictionary<string, string>? information = null) =>
        client.PostAsJsonAsync($"/api/cases/{id}/transitions", new { trigger, information, takenAt });

    private static async Task<string> ResidentSignalOfLastYearAsync(HttpClient client) =>
        (await client.RegisterAsync(new
        {
            municipality = "GM0935", sourceChannel = "bewonersgesprek", description = "Gesprek met bewoners over een kapsalon",
            receivedAt = $"{LastYear}-03-01",
        })).Str("id");

    private static async Task<Dictionary<string, long>> AnnualAsync(HttpClient client, int year) =>
        AnnualStatisticsTests.Figures((await client.GetFromJsonAsync<JsonObject>($"/api/statistics/annual?municipality=GM0935&year={year}"))!);

    [Fact]
    public async Task Steps_recorded_today_with_last_years_dates_count_in_last_years_table_and_keep_who_recorded_them()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        var id = await ResidentSignalOfLastYearAsync(client);

        (await FireAsync(client, id, "start-verrijking", $"{LastYear}-03-02")).StatusCode.Should().Be(HttpStatusCode.OK);
        // The verdict is recorded as a decision, dated on paper; the findings it rested on never reached this system.
        await (await client.PostAsJsonAsync($"/api/cases/{id}/enrichment/decision", new
        {
            confirmed = true, reason = "Bevestigd in het LWO-voorbereidingsoverleg", takenAt = $"{LastYear}-03-05T10:15",
        })).ShouldHaveStatus(HttpStatusCode.OK);
        await (await FireAsync(client, id, "naar-politie", $"{LastYear}-03-10",
            new Dictionary<string, string> { ["vergaderdatum"] = $"{LastYear}-03-10" })).ShouldHaveStatus(HttpStatusCode.OK);

        var stored = await client.GetCaseAsync(id);
        var steps = stored["history"]!.AsArray().Where(h => h!.Str("kind") == "transition").ToList();
        steps.Select(h => InstantPattern.ExtendedIso.Parse(h!.Str("at")).Value).Should().Equal(
            At(3, 2), new LocalDateTime(LastYear, 3, 5, 10, 15).InZoneStrictly(Amsterdam.Zone).ToInstant(), At(3, 10));
        steps.Should().OnlyContain(h => InstantPattern.ExtendedIso.Parse(h!.Str("recordedAt")).Value == Today.ToWholeMicroseconds(),
            "the history keeps when each step was recorded");
        InstantPattern.ExtendedIso.Parse(stored.Str("stageEnteredAt")).Value.Should().Be(At(3, 10), "the case reached the police then");

        var last = await AnnualAsync(client, LastYear);
        last["lwo.behandeld"].Should().Be(1);
        last["lwo.politie"].Should().Be(1);
        last["bewustwording.signalen-lwo"].Should().Be(1, "the resident signal reached the LWO on the step's own date");
        var current = await AnnualAsync(client, LastYear + 1);
        current["lwo.behandeld"].Should().Be(0);
        current["bewustwording.signalen-lwo"].Should().Be(0);
    }

    [Fact]
    public async Task A_step_recorded_as_it_is_taken_has_no_separate_recording_moment()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        var id = await ResidentSignalOfLastYearAsync(client);

        var moved = await client.FireOkAsync(id, "start-verrijking");

        var step = moved["history"]!.AsArray().Single(h => h!.Str("kind") == "transition")!;
        InstantPattern.ExtendedIso.Parse(step.Str("at")).Value.Should().Be(Today.ToWholeMicroseconds());
        step["recordedAt"].Should().BeNull();
    }

    [Theory]
    [InlineData("02-28", "before the signal was received")]
    [InlineData("03-04", "before the case's previous step")]
    [InlineData("tomorrow", "The moment lies in the future.")]
    [InlineData("gisteren", "Write the moment as")]
    public async Task A_step_dated_before_what_it_follows_or_in_the_future_is_refused_and_nothing_changes(string taken, string message)
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today));
        var client = factory.CreateClient();
        var id = await ResidentSignalOfLastYearAsync(client);
        var takenAt = taken switch
        {
            "tomorrow" => InstantPattern.ExtendedIso.Format(Today.Plus(Duration.FromDays(1))),
            "gisteren" => taken,
            _ => $"{LastYear}-{taken}",
        };
        var trigger = "start-verrijking";
        if (taken == "03-04")
        {
            (await FireAsync(client, id, trigger, $"{LastYear}-03-05")).StatusCode.Should().Be(HttpStatusCode.OK);
            trigger = "bevestigd-naar-lwo";
        }
        var before = await client.GetCaseAsync(id);

        var problem = await (await FireAsync(client, id, trigger, takenAt)).ProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["takenAt"]![0]!.GetValue<string>().Should().Contain(message);
        (await client.GetCaseAsync(id)).Int("revision").Should().Be(before.Int("revision"));
    }

    [Fact]
    public async Task The_case_page_takes_a_step_with_its_date_and_shows_when_and_by_whom_it_was_recorded()
    {
        await using var factory = new ApiFactory(clock: new FakeClock(Today)) { DemoUsers = true };
        var api = factory.CreateClient();
        var id = await ResidentSignalOfLastYearAsync(api);
        var page = await factory.SignInOnPagesAsync("demo-oov");
        var form = await page.GetStringAsync($"/zaken/{id}");
        form.Should().Contain("name=\"stap.GezetDatum\" type=\"date\"");

        var tooEarly = await page.PostFormAsync($"/zaken/{id}?handler=Stap", form, new()
        {
            ["trigger"] = "start-verrijking", ["revisie"] = "1", ["stap.GezetDatum"] = $"{LastYear}-02-01",
        });
        tooEarly.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var refused = WebUtility.HtmlDecode(await tooEarly.Content.ReadAsStringAsync());
        refused.Should().Contain("<span id=\"start-verrijking-gezet-datum-fout\" class=\"field-error\">Dit tijdstip ligt vóór de ontvangst van het signaal of vóór de vorige stap.</span>");
        refused.Should().Contain("aria-describedby=\"start-verrijking-gezet-datum-fout start-verrijking-gezet-hint\"");

        var taken = await page.PostFormAsync($"/zaken/{id}?handler=Stap", form, new()
        {
            ["trigger"] = "start-verrijking", ["revisie"] = "1", ["stap.GezetDatum"] = $"{LastYear}-03-02", ["stap.GezetTijd"] = "14:30",
        });
        taken.StatusCode.Should().Be(HttpStatusCode.OK);

        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/zaken/{id}"));
        var nl = new System.Globalization.CultureInfo("nl-NL");
        html.Should().Contain($"2 maart {LastYear} 14:30 · ");
        html.Should().Contain($"Vastgelegd op {Today.InZone(Amsterdam.Zone).ToString("d MMMM yyyy HH:mm", nl)} door ");
    }
}

using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Engine.Tests.Deadlines;

public class EscalationTests
{
    private static Task<int> Escalate(EngineHost host) => host.RunAsync<EscalateOverdueCases, int>(e => e.RunAsync());

    [Fact]
    public async Task Entering_a_stage_sets_the_due_date_from_its_deadline_and_a_stage_without_one_clears_it()
    {
        await using var host = await EngineHost.StartAsync();
        var registered = await host.RegisterAsync();
        registered.DueAt.Should().Be(host.Clock.GetCurrentInstant() + Duration.FromDays(3), "'ontvangen' has deadline P3D (no clock change in June)");
        registered.StageEntrySequence.Should().Be(1);

        host.Clock.Advance(Duration.FromHours(5));
        var enriching = await host.FireAsync(registered.Id, "start-verrijking");
        enriching.DueAt.Should().Be(host.Clock.GetCurrentInstant() + Duration.FromDays(14), "'verrijking' has deadline P14D");
        enriching.StageEntrySequence.Should().Be(2);

        var closed = await host.DecideAsync(registered.Id, false, "Open bronnen bevestigen niets");
        closed.DueAt.Should().BeNull("a final stage has no deadline");
    }

    [Fact]
    public async Task A_case_is_not_escalated_before_its_due_date_and_is_escalated_once_it_has_passed()
    {
        await using var host = await EngineHost.StartAsync();
        var @case = await host.RegisterAsync();

        host.Clock.Advance(Duration.FromDays(3) - Duration.FromSeconds(1));
        (await Escalate(host)).Should().Be(0);

        host.Clock.Advance(Duration.FromSeconds(1));
        (await Escalate(host)).Should().Be(1);

        var escalation = (await host.GetAsync(@case.Id)).Escalations.Should().ContainSingle().Subject;
        escalation.Stage.Should().Be(new StageId("ontvangen"));
        escalation.StageEntrySequence.Should().Be(1);
        escalation.DueAt.Should().Be(@case.DueAt!.Value);
        escalation.EscalatedAt.Should().Be(host.Clock.GetCurrentInstant());
    }

    [Fact]
    public async Task A_stay_is_escalated_once_however_often_the_job_runs()
    {
        await using var host = await EngineHost.StartAsync();
        var @case = await host.RegisterAsync();
        host.Clock.Advance(Duration.FromDays(4));

        (await Escalate(host)).Should().Be(1);
        host.Clock.Advance(Duration.FromMinutes(15));
        (await Escalate(host)).Should().Be(0);
        (await Escalate(host)).Should().Be(0);

        (await host.GetAsync(@case.Id)).Escalations.Should().HaveCount(1);
    }

    [Fact]
    public async Task Each_stay_is_escalated_on_its_own_and_a_case_that_moved_on_in_time_is_not()
    {
        await using var host = await EngineHost.StartAsync();
        var late = await host.RegisterAsync();
        var punctual = await host.RegisterAsync();

        host.Clock.Advance(Duration.FromDays(2));
        await host.FireAsync(punctual.Id, "start-verrijking");
        host.Clock.Advance(Duration.FromDays(2));
        (await Escalate(host)).Should().Be(1, "only the case still in 'ontvangen' is overdue");

        await host.FireAsync(late.Id, "start-verrijking");
        host.Clock.Advance(Duration.FromDays(15));
        (await Escalate(host)).Should().Be(2, "both cases outran the 14 days of 'verrijking'");

        (await host.GetAsync(late.Id)).Escalations.Select(e => (e.Stage.Value, e.StageEntrySequence))
            .Should().Equal(("ontvangen", 1), ("verrijking", 2));
        (await host.GetAsync(punctual.Id)).Escalations.Select(e => e.Stage.Value).Should().Equal("verrijking");
    }

    [Fact]
    public async Task Two_instances_escalating_at_the_same_moment_record_exactly_one_escalation_per_overdue_case()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2024, 6, 3, 8, 0));
        await using var first = await EngineHost.StartAsync(clock: clock);
        await using var second = await EngineHost.StartAsync(first.DatabasePath, clock);
        var cases = new List<CaseId>();
        for (var i = 0; i < 20; i++) cases.Add((await first.RegisterAsync()).Id);
        clock.Advance(Duration.FromDays(4));

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Escalate(i % 2 == 0 ? first : second))));

        counts.Sum().Should().Be(cases.Count, "between them the runs escalated every overdue case once");
        foreach (var id in cases)
            (await second.GetAsync(id)).Escalations.Should().ContainSingle();
    }
}

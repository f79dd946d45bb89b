using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Engine.Deadlines;

namespace Ondermijning.Api.Tests.Jobs;

/// <summary>A job never runs alongside its own previous run, however the runs reach the queue (schedule, retry, "Trigger now").</summary>
[Collection(JobServerCollection.Name)]
public class JobOverlapTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_run_that_is_queued_while_the_previous_run_is_busy_waits_for_it_through_the_real_queue()
    {
        var held = new HeldMonthlyOverview { Hold = false };
        await using var factory = new ApiFactory { JobServer = true, ReplaceServices = held.Install };
        _ = factory.CreateClient();
        var before = (await factory.FinishedRunsAsync(JobNames.MonthlyOverview)).Count;
        held.Hold = true;
        // A month later the June overview is due: the first run produces it, slowly.
        factory.Clock.Reset(Instant.FromUtc(2024, 7, 2, 8, 0));

        var jobs = factory.Services.GetRequiredService<IRecurringJobManagerV2>();
        jobs.TriggerJob(JobNames.MonthlyOverview);
        await held.Entered.WaitAsync(Patience);
        jobs.TriggerJob(JobNames.MonthlyOverview);
        // Both runs are taken from the queue by the two workers; the second must then wait for the first. Only this job's
        // runs count: the shipped schedules run on the real clock, so another job (enrichment or the access-log anchor,
        // every five minutes) may be processing at the same moment.
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        long Processing() => monitoring.ProcessingJobs(0, 100)
            .Count(job => job.Value.Job?.Method.Name == nameof(EngineJobs.ProduceMonthlyOverviewAsync));
        var deadline = DateTime.UtcNow + Patience;
        while (Processing() < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Processing().Should().Be(2, "the second run was taken from the queue while the first was busy");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var mostWhileHeld = held.MostAtOnce;
        held.Release();

        deadline = DateTime.UtcNow + Patience;
        List<JobRun> runs;
        while ((runs = await factory.FinishedRunsAsync(JobNames.MonthlyOverview)).Count < before + 2 && DateTime.UtcNow < deadline) await Task.Delay(50);

        mostWhileHeld.Should().Be(1, "the second run did not start producing while the first was still at it");
        held.MostAtOnce.Should().Be(1);
        runs.Skip(before).Select(r => (r.Outcome, r.Summary)).Should().Equal(
            (JobOutcome.Succeeded, "produced 2024-06-01..2024-06-30"),
            (JobOutcome.Succeeded, "nothing to produce"));
    }
}

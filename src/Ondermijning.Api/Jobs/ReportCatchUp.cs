namespace Ondermijning.Api.Jobs;

/// <summary>
/// Produces after start-up the reports a stopped service missed: the scheduler's memory does not survive a restart, our
/// snapshots do, so they say what is missing. In the background, because a report covers every case of its period:
/// waiting for it made start-up grow with the data (seconds at a million cases) while nobody needs the report that
/// minute. A failure is recorded as a failed run and does not stop the service; the next scheduled run tries again.
/// </summary>
public sealed class ReportCatchUp(IServiceScopeFactory scopes, ILogger<ReportCatchUp> logger) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Done when every missed report was produced or its failure recorded.</summary>
    public Task Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the server starts listening while this runs.
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var jobs = scope.ServiceProvider.GetRequiredService<EngineJobs>();
            foreach (var (job, run) in new (string, Func<CancellationToken, Task>)[]
                     {
                         (JobNames.MonthlyOverview, jobs.ProduceMonthlyOverviewAsync),
                         (JobNames.AnnualDraft, jobs.ProduceAnnualDraftAsync),
                     })
            {
                try
                {
                    await run(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Catching up job {Job} after start-up failed; its next scheduled run tries again", job);
                }
            }
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}

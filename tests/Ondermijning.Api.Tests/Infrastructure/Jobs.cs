using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Tests.Infrastructure;

/// <summary>Runs recurring jobs through the service's real Hangfire server and waits for them to finish.</summary>
public static class Jobs
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Triggers <paramref name="job"/> as the dashboard's "Trigger now" would, and waits for its recorded run.</summary>
    public static async Task<JobRun> TriggerAndWaitAsync(this ApiFactory factory, string job)
    {
        if (!factory.JobServer)
            throw new InvalidOperationException(
                $"Job '{job}' would never run: this host has no job server. Create it with `new ApiFactory {{ JobServer = true }}` " +
                $"and mark the test class [Collection({nameof(JobServerCollection)}.{nameof(JobServerCollection.Name)})].");
        var before = await factory.FinishedRunsAsync(job);
        factory.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(job);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var runs = await factory.FinishedRunsAsync(job);
            if (runs.Count > before.Count) return runs[^1];
            await Task.Delay(50);
        }
        throw new TimeoutException($"Job '{job}' did not finish within {Patience.TotalSeconds} s.");
    }

    public static async Task<List<JobRun>> FinishedRunsAsync(this ApiFactory factory, string job)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OndermijningDbContext>();
        return await db.JobRuns.AsNoTracking()
            .Where(r => r.JobName == job && r.Outcome != JobOutcome.Running)
            .OrderBy(r => r.Id)
            .ToListAsync();
    }
}

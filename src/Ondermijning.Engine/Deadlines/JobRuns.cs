using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Deadlines;

public sealed record JobStatus(string JobName, JobRun? LastRun, JobRun? LastFailure);

/// <summary>Records job runs in our own table and reports on them.</summary>
public sealed class JobRuns(OndermijningDbContext db, IClock clock)
{
    /// <summary>
    /// Runs <paramref name="work"/> as one recorded run of <paramref name="jobName"/>. A failure is recorded with
    /// its reason and rethrown, so the scheduler still sees it and retries.
    /// </summary>
    public async Task RecordAsync(string jobName, Func<CancellationToken, Task<string>> work, CancellationToken cancellationToken = default)
    {
        var run = new JobRun(jobName, clock.GetCurrentInstant());
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var summary = await work(cancellationToken);
            run.Succeed(clock.GetCurrentInstant(), summary);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // Whatever the failed work left in the context must not be saved along with the failure.
            db.ChangeTracker.Clear();
            db.JobRuns.Attach(run);
            run.Fail(clock.GetCurrentInstant(), e);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> until it has once succeeded, and records that: start-up work of this kind (a backfill
    /// for data from before a feature) then costs one indexed lookup at every later start-up instead of a scan of the cases.
    /// </summary>
    public static async Task OnceAsync(OndermijningDbContext db, IClock clock, string jobName, Func<CancellationToken, Task<string>> work,
        CancellationToken cancellationToken)
    {
        if (await db.JobRuns.AnyAsync(r => r.JobName == jobName && r.Outcome == JobOutcome.Succeeded, cancellationToken)) return;
        var run = new JobRun(jobName, clock.GetCurrentInstant());
        var summary = await work(cancellationToken);
        run.Succeed(clock.GetCurrentInstant(), summary);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<JobStatus>> StatusAsync(IEnumerable<string> jobNames, Actor actor, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadJobs);

        var statuses = new List<JobStatus>();
        foreach (var name in jobNames)
        {
            var runs = db.JobRuns.AsNoTracking().Where(r => r.JobName == name).OrderByDescending(r => r.Id);
            statuses.Add(new JobStatus(name,
                await runs.FirstOrDefaultAsync(cancellationToken),
                await runs.Where(r => r.Outcome == JobOutcome.Failed).FirstOrDefaultAsync(cancellationToken)));
        }
        return statuses;
    }
}

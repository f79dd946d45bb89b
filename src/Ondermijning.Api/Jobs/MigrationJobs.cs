using Hangfire;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Jobs;

/// <summary>
/// Runs a recorded migration (<see cref="MigrateCases.RunAsync"/>) on the job queue. The migration and each case's progress
/// are in our database, so a run that fails or is delivered twice only continues with the cases still pending, and
/// <see cref="ResumeAsync"/> at start-up takes up migrations whose queued run an in-memory queue lost with its process.
/// </summary>
[AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
public sealed class MigrationJobs(MigrateCases migrations, IBackgroundJobClient jobs)
{
    public static void Enqueue(IBackgroundJobClient jobs, Guid migration) =>
        jobs.Enqueue<MigrationJobs>(j => j.MigrateAsync(migration, CancellationToken.None));

    [JobDisplayName("Migrate cases ({0})")]
    public Task MigrateAsync(Guid migration, CancellationToken cancellationToken) => migrations.RunAsync(migration, cancellationToken);

    [JobDisplayName("Take up unfinished migrations")]
    public async Task ResumeAsync(CancellationToken cancellationToken)
    {
        foreach (var migration in await migrations.UnfinishedAsync(cancellationToken)) Enqueue(jobs, migration);
    }
}

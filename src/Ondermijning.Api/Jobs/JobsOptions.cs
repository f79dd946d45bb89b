namespace Ondermijning.Api.Jobs;

/// <summary>Where Hangfire keeps its queue. Only the scheduler's bookkeeping lives there; every durable fact is in our database.</summary>
public enum JobStorageKind
{
    /// <summary>In the process: nothing to install, and losing it on a restart loses nothing that matters.</summary>
    InMemory,
    /// <summary>In the service's PostgreSQL database (schema <c>hangfire</c>): several instances share one queue.</summary>
    PostgreSql,
}

public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Unset, the queue follows the database: PostgreSQL deployments share it, the embedded default keeps it in memory.</summary>
    public JobStorageKind? Storage { get; set; }

    /// <summary>
    /// Whether this process runs queued jobs. Off, it still registers the schedules and catches up missed reports at
    /// start-up; on a shared queue (PostgreSql) the instances that run a server do the work, on an in-memory queue
    /// nothing does. The API tests turn it off for hosts that never run a job, so those hosts can run side by side.
    /// </summary>
    public bool Server { get; set; } = true;

    /// <summary>Hangfire workers in this process; the jobs are few and short.</summary>
    public int WorkerCount { get; set; } = 2;

    /// <summary>Cron expressions, evaluated in Europe/Amsterdam.</summary>
    public string EscalationCron { get; set; } = "*/15 * * * *";
    public string MonthlyOverviewCron { get; set; } = "0 1 1 * *";
    public string AnnualDraftCron { get; set; } = "0 1 2 1 *";
    public string EnrichmentCron { get; set; } = "*/5 * * * *";
    public string RetentionCron { get; set; } = "30 2 * * *";
    /// <summary>Records appended since the last anchor are not yet protected against being cut off: keep this short.</summary>
    public string AccessLogAnchorCron { get; set; } = "*/5 * * * *";
}

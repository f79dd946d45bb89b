using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace Ondermijning.Engine.Deadlines;

public enum JobOutcome { Running, Succeeded, Failed }

/// <summary>
/// One execution of a background job, kept in our own database: the scheduler's storage may be in memory,
/// and what ran, when and why it failed must survive it.
/// </summary>
public sealed class JobRun
{
    public const int MaxErrorLength = 4000;

    private JobRun() { }

    internal JobRun(string jobName, Instant startedAt)
    {
        JobName = jobName;
        StartedAt = startedAt;
        Outcome = JobOutcome.Running;
    }

    public long Id { get; private set; }
    public string JobName { get; private set; } = "";
    public Instant StartedAt { get; private set; }
    public Instant? FinishedAt { get; private set; }
    public JobOutcome Outcome { get; private set; }
    /// <summary>What a successful run did, in a few words.</summary>
    public string? Summary { get; private set; }
    public string? Error { get; private set; }

    internal void Succeed(Instant at, string summary)
    {
        FinishedAt = at;
        Outcome = JobOutcome.Succeeded;
        Summary = summary;
    }

    internal void Fail(Instant at, Exception exception)
    {
        FinishedAt = at;
        Outcome = JobOutcome.Failed;
        var error = $"{exception.GetType().Name}: {exception.Message}";
        Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> r)
    {
        r.ToTable("job_runs");
        r.HasKey(x => x.Id);
        r.Property(x => x.JobName).HasMaxLength(100);
        r.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Summary).HasMaxLength(400);
        r.Property(x => x.Error).HasMaxLength(JobRun.MaxErrorLength);
        r.HasIndex(x => new { x.JobName, x.Outcome });
    }
}

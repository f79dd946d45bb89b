using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Workflows;

public enum WorkflowVersionState
{
    /// <summary>Written by a functional administrator, checked, not yet in force; may still be edited.</summary>
    Draft,
    /// <summary>In force from its date; never changes again, so that running cases keep the rules they started on.</summary>
    Published,
}

/// <summary>
/// A definition version as the database keeps it: the source of truth every instance reads, whether the version came
/// from a file at start-up or was published at runtime. The content hash guards immutability.
/// </summary>
public sealed class StoredWorkflowVersion
{
    public WorkflowId Workflow { get; set; }
    public int Version { get; set; }
    public WorkflowVersionState State { get; set; } = WorkflowVersionState.Published;
    public string ContentHash { get; set; } = "";
    /// <summary>The definition's JSON as written; null only on rows recorded before definitions were stored.</summary>
    public string? Content { get; set; }
    /// <summary>The file it came from, or where it was written ("published at runtime").</summary>
    public string SourceFile { get; set; } = "";
    public Instant FirstSeenAt { get; set; }
    public string? WrittenBy { get; set; }
    public Instant? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

internal sealed class StoredWorkflowVersionConfiguration : IEntityTypeConfiguration<StoredWorkflowVersion>
{
    public void Configure(EntityTypeBuilder<StoredWorkflowVersion> w)
    {
        w.ToTable("workflow_versions");
        w.HasKey(x => new { x.Workflow, x.Version });
        w.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        w.Property(x => x.ContentHash).HasMaxLength(64);
        w.Property(x => x.SourceFile).HasMaxLength(400);
        w.Property(x => x.WrittenBy).HasMaxLength(Limits.Name);
        w.Property(x => x.PublishedBy).HasMaxLength(Limits.Name);
    }
}

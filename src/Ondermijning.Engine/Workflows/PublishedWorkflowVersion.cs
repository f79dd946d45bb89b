using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Workflows;

/// <summary>The content hash of each definition version the database has seen, guarding immutability.</summary>
public sealed class PublishedWorkflowVersion
{
    public WorkflowId Workflow { get; set; }
    public int Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string SourceFile { get; set; } = "";
    public Instant FirstSeenAt { get; set; }
}

internal sealed class PublishedWorkflowVersionConfiguration : IEntityTypeConfiguration<PublishedWorkflowVersion>
{
    public void Configure(EntityTypeBuilder<PublishedWorkflowVersion> w)
    {
        w.ToTable("workflow_versions");
        w.HasKey(x => new { x.Workflow, x.Version });
        w.Property(x => x.ContentHash).HasMaxLength(64);
        w.Property(x => x.SourceFile).HasMaxLength(400);
    }
}

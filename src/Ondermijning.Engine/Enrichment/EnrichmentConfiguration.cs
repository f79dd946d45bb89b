using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ondermijning.Engine.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Ondermijning.Engine.Cases;

namespace Ondermijning.Engine.Enrichment;

internal sealed class EnrichmentFindingConfiguration : IEntityTypeConfiguration<EnrichmentFinding>
{
    public void Configure(EntityTypeBuilder<EnrichmentFinding> f)
    {
        f.ToTable("enrichment_findings");
        f.HasKey(x => x.Id);
        f.Property(x => x.Id).HasConversion(v => v.Value, v => new FindingId(v));
        f.Property(x => x.RunId).HasConversion(new ValueConverter<EnrichmentRunId, Guid>(v => v.Value, v => new EnrichmentRunId(v)));
        f.Property(x => x.Source).HasConversion<string>().HasMaxLength(32);
        f.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        f.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        f.Property(x => x.Subject).HasMaxLength(Limits.FindingSubject);
        f.Property(x => x.Summary).HasMaxLength(Limits.Note);
        f.Property(x => x.RequestUrl).HasMaxLength(Limits.Link);
        f.Property(x => x.RecordedById).HasMaxLength(Limits.Name);
        f.Property(x => x.RecordedByName).HasMaxLength(Limits.Name);
        f.Property(x => x.Link).HasMaxLength(Limits.Link);
        f.Ignore(x => x.SourceOrganisation);
        f.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        f.HasOne<EnrichmentRun>().WithMany().HasForeignKey(x => x.RunId);
        f.HasIndex(x => new { x.CaseId, x.RetrievedAt });
    }
}

internal sealed class EnrichmentRunConfiguration : IEntityTypeConfiguration<EnrichmentRun>
{
    public void Configure(EntityTypeBuilder<EnrichmentRun> r)
    {
        r.ToTable("enrichment_runs");
        r.HasKey(x => x.Id);
        r.Property(x => x.Id).HasConversion(v => v.Value, v => new EnrichmentRunId(v));
        r.Property(x => x.RequestedById).HasMaxLength(Limits.Name);
        r.Property(x => x.RequestedByName).HasMaxLength(Limits.Name);
        r.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        r.HasIndex(x => new { x.CaseId, x.StartedAt });
    }
}

internal sealed class EnrichmentDecisionConfiguration : IEntityTypeConfiguration<EnrichmentDecision>
{
    public void Configure(EntityTypeBuilder<EnrichmentDecision> d)
    {
        d.ToTable("enrichment_decisions");
        d.HasKey(x => x.Id);
        d.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        d.Property(x => x.Proposal).HasConversion<string>().HasMaxLength(16);
        d.Property(x => x.DecidedById).HasMaxLength(Limits.Name);
        d.Property(x => x.DecidedByName).HasMaxLength(Limits.Name);
        d.Ignore(x => x.FindingIds);
        d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId);
        d.HasIndex(x => x.CaseId);
    }
}

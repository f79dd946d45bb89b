using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Interventions;

public enum BibobKind
{
    /// <summary>A quick scan by the municipality.</summary>
    QuickScan,
    /// <summary>An in-depth (verdiepend) investigation.</summary>
    InDepth,
}

public enum BibobOutcome
{
    NoObjection,
    /// <summary>The permit, or the manager (leidinggevende) named in it, was refused.</summary>
    PermitOrManagerRefused,
    /// <summary>The application was withdrawn or not processed (buiten behandeling gelaten).</summary>
    WithdrawnOrNotProcessed,
    /// <summary>Advice was asked of the Landelijk Bureau Bibob.</summary>
    AdviceAskedOfLbb,
}

public sealed record BibobScreeningDetails(MunicipalityCode Municipality, CaseId? CaseId, LocalDate Date, BibobKind Kind,
    string PermitType, BibobOutcome Outcome);

/// <summary>A Bibob screening of a permit applicant: administrative enforcement parallel to the chain.</summary>
public sealed class BibobScreening
{
    private BibobScreening() { }

    internal BibobScreening(BibobScreeningDetails d, Instant recordedAt, Actor actor)
    {
        Id = BibobScreeningId.New();
        Municipality = d.Municipality;
        CaseId = d.CaseId;
        Date = d.Date;
        Kind = d.Kind;
        PermitType = d.PermitType;
        Outcome = d.Outcome;
        RecordedAt = recordedAt;
        RecordedBy = actor.UserId;
    }

    public BibobScreeningId Id { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public CaseId? CaseId { get; private set; }
    /// <summary>The date of the screening's outcome; it is counted in this date's year.</summary>
    public LocalDate Date { get; private set; }
    public BibobKind Kind { get; private set; }
    public string PermitType { get; private set; } = "";
    public BibobOutcome Outcome { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

internal sealed class BibobScreeningConfiguration : IEntityTypeConfiguration<BibobScreening>
{
    public void Configure(EntityTypeBuilder<BibobScreening> b)
    {
        b.ToTable("bibob_screenings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasConversion(v => v.Value, v => new BibobScreeningId(v));
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.PermitType).HasMaxLength(Limits.PermitType);
        b.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Covers the annual counts by kind and outcome.
        b.HasIndex(x => new { x.Municipality, x.Date, x.Kind, x.Outcome });
    }
}

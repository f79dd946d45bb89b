using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Interventions;

/// <param name="DurationMonths">Null when the premises are closed for an indefinite period.</param>
public sealed record DrugPremisesClosureDetails(MunicipalityCode Municipality, CaseId? CaseId, LocalDate ClosedOn, string Premises,
    int? DurationMonths);

/// <summary>Premises closed under the Damocles policy (art. 13b Opiumwet).</summary>
public sealed class DrugPremisesClosure
{
    private DrugPremisesClosure() { }

    internal DrugPremisesClosure(DrugPremisesClosureDetails d, Instant recordedAt, Actor actor)
    {
        Id = DrugPremisesClosureId.New();
        Municipality = d.Municipality;
        CaseId = d.CaseId;
        ClosedOn = d.ClosedOn;
        Premises = d.Premises;
        DurationMonths = d.DurationMonths;
        RecordedAt = recordedAt;
        RecordedBy = actor.UserId;
    }

    public DrugPremisesClosureId Id { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public CaseId? CaseId { get; private set; }
    /// <summary>The first day of the closure; it is counted in this date's year.</summary>
    public LocalDate ClosedOn { get; private set; }
    /// <summary>The address of the premises: personal data, so nothing is counted from it.</summary>
    public string? Premises { get; private set; }
    public int? DurationMonths { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

internal sealed class DrugPremisesClosureConfiguration : IEntityTypeConfiguration<DrugPremisesClosure>
{
    public void Configure(EntityTypeBuilder<DrugPremisesClosure> d)
    {
        d.ToTable("drug_premises_closures");
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).HasConversion(v => v.Value, v => new DrugPremisesClosureId(v));
        d.Property(x => x.Premises).HasMaxLength(Limits.Location);
        d.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        d.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        d.HasIndex(x => new { x.Municipality, x.ClosedOn });
    }
}

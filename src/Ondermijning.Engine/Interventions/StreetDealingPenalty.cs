using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Interventions;

public enum StreetDealingParty { Buyer, Seller }

public sealed record StreetDealingPenaltyDetails(MunicipalityCode Municipality, CaseId? CaseId, LocalDate ImposedOn, StreetDealingParty Party);

/// <summary>A penalty payment imposed for street dealing (dwangsom straathandel).</summary>
public sealed class StreetDealingPenalty
{
    private StreetDealingPenalty() { }

    internal StreetDealingPenalty(StreetDealingPenaltyDetails d, Instant recordedAt, Actor actor)
    {
        Id = StreetDealingPenaltyId.New();
        Municipality = d.Municipality;
        CaseId = d.CaseId;
        ImposedOn = d.ImposedOn;
        Party = d.Party;
        RecordedAt = recordedAt;
        RecordedBy = actor.UserId;
    }

    public StreetDealingPenaltyId Id { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public CaseId? CaseId { get; private set; }
    /// <summary>The date the penalty was imposed; it is counted in this date's year.</summary>
    public LocalDate ImposedOn { get; private set; }
    public StreetDealingParty Party { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

internal sealed class StreetDealingPenaltyConfiguration : IEntityTypeConfiguration<StreetDealingPenalty>
{
    public void Configure(EntityTypeBuilder<StreetDealingPenalty> s)
    {
        s.ToTable("street_dealing_penalties");
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).HasConversion(v => v.Value, v => new StreetDealingPenaltyId(v));
        s.Property(x => x.Party).HasConversion<string>().HasMaxLength(16);
        s.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        s.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Covers the annual counts by party.
        s.HasIndex(x => new { x.Municipality, x.ImposedOn, x.Party });
    }
}

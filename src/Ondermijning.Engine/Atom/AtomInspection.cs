using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Atom;

public enum AtomOutcome
{
    /// <summary>Last onder dwangsom opgelegd.</summary>
    LastOnderDwangsom,
    /// <summary>Verder opgepakt door Handhaving Wabo.</summary>
    HandhavingWabo,
    /// <summary>Personen aangetroffen en overgedragen aan de Sociale Recherche (zwartwerk).</summary>
    SocialeRecherche,
    /// <summary>Another outcome, described in words.</summary>
    Overig,
}

public readonly record struct AtomInspectionId(Guid Value)
{
    public static AtomInspectionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>One integrated inspection of one location by the ATOM partners.</summary>
public sealed class AtomInspection
{
    private AtomInspection() { }

    internal AtomInspection(CaseId caseId, MunicipalityCode municipality, AtomInspectionDetails details, LocalDate inspectedOn,
        AtomInspectionId? sameLocationAs, Instant recordedAt, Actor actor)
    {
        SameLocationAs = sameLocationAs;
        Id = AtomInspectionId.New();
        CaseId = caseId;
        Municipality = municipality;
        Location = details.Location;
        InspectedOn = inspectedOn;
        Organisations = [.. details.Organisations];
        LastOnderDwangsom = details.Outcomes.Contains(AtomOutcome.LastOnderDwangsom);
        HandhavingWabo = details.Outcomes.Contains(AtomOutcome.HandhavingWabo);
        SocialeRecherche = details.Outcomes.Contains(AtomOutcome.SocialeRecherche);
        Other = details.Outcomes.Contains(AtomOutcome.Overig);
        OtherOutcome = Other ? details.OtherOutcome : null;
        RecordedAt = recordedAt;
        RecordedBy = actor.UserId;
    }

    public AtomInspectionId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    /// <summary>The address or description of the location: personal data, so nothing is counted from it.</summary>
    public string? Location { get; private set; }
    public LocalDate InspectedOn { get; private set; }
    /// <summary>
    /// The earlier inspection of the same location on the same day, recorded for another case: one visit to one location
    /// for several cases, so the location is counted once. Kept when the location's text is erased.
    /// </summary>
    public AtomInspectionId? SameLocationAs { get; private set; }
    public List<string> Organisations { get; private set; } = [];
    // One column per outcome, so that the statistics sum them in the database.
    public bool LastOnderDwangsom { get; private set; }
    public bool HandhavingWabo { get; private set; }
    public bool SocialeRecherche { get; private set; }
    public bool Other { get; private set; }
    /// <summary>What the other outcome was, in words: may name people, so it is erasable and never counted.</summary>
    public string? OtherOutcome { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    public IReadOnlyList<AtomOutcome> Outcomes
    {
        get
        {
            var outcomes = new List<AtomOutcome>();
            if (LastOnderDwangsom) outcomes.Add(AtomOutcome.LastOnderDwangsom);
            if (HandhavingWabo) outcomes.Add(AtomOutcome.HandhavingWabo);
            if (SocialeRecherche) outcomes.Add(AtomOutcome.SocialeRecherche);
            if (Other) outcomes.Add(AtomOutcome.Overig);
            return outcomes;
        }
    }
}

/// <summary>A validated inspection as a user reports it; a missing date means today.</summary>
public sealed record AtomInspectionDetails(string Location, LocalDate? InspectedOn, IReadOnlyList<string> Organisations,
    IReadOnlySet<AtomOutcome> Outcomes, string? OtherOutcome);

internal sealed class AtomInspectionConfiguration : IEntityTypeConfiguration<AtomInspection>
{
    public void Configure(EntityTypeBuilder<AtomInspection> a)
    {
        a.ToTable("atom_inspections");
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).HasConversion(v => v.Value, v => new AtomInspectionId(v));
        a.Property(x => x.SameLocationAs).HasConversion(v => v!.Value.Value, v => new AtomInspectionId(v));
        a.Property(x => x.Location).HasMaxLength(Limits.Location);
        a.Property(x => x.OtherOutcome).HasMaxLength(Limits.OtherOutcome);
        a.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        a.Ignore(x => x.Outcomes);
        a.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Covers the annual counts: every figure of a year is read from the index alone, grouped by municipality in its order.
        // Named, as the default name is longer than the 63 characters PostgreSQL keeps.
        a.HasIndex(x => new { x.Municipality, x.InspectedOn, x.CaseId, x.LastOnderDwangsom, x.HandhavingWabo, x.SocialeRecherche, x.Other, x.SameLocationAs })
            .HasDatabaseName("IX_atom_inspections_Municipality_InspectedOn_Outcomes");
        a.HasIndex(x => x.CaseId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ondermijning.Engine.Common;
using NodaTime;

namespace Ondermijning.Engine.Mot;

/// <summary>The three kinds of intervention the MOT decides on.</summary>
public enum InterventionType { Bestuurlijk, Strafrechtelijk, Fiscaal }

/// <summary>
/// A kind of intervention within a type (closing premises under art. 13b Opiumwet, a tax audit, …). The list ships
/// with the common ones and users extend it; a subtype is never removed, because interventions refer to it.
/// </summary>
public sealed class InterventionSubtype
{
    private InterventionSubtype() { }

    internal InterventionSubtype(string code, InterventionType type, string label, Instant? addedAt, string? addedBy)
    {
        Code = code;
        Type = type;
        Label = label;
        AddedAt = addedAt;
        AddedBy = addedBy;
    }

    /// <summary>A stable kebab-case code, e.g. <c>sluiting-13b-opiumwet</c>.</summary>
    public string Code { get; private set; } = "";
    public InterventionType Type { get; private set; }
    /// <summary>Dutch label shown to users.</summary>
    public string Label { get; private set; } = "";
    /// <summary>Null for the subtypes that ship with the engine.</summary>
    public Instant? AddedAt { get; private set; }
    public string? AddedBy { get; private set; }

    internal static readonly InterventionSubtype[] BuiltIn =
    [
        new("sluiting-13b-opiumwet", InterventionType.Bestuurlijk, "Sluiting pand (art. 13b Opiumwet)", null, null),
        new("last-onder-dwangsom", InterventionType.Bestuurlijk, "Last onder dwangsom", null, null),
        new("bibob-weigering-intrekking", InterventionType.Bestuurlijk, "Vergunning geweigerd of ingetrokken (Bibob)", null, null),
        new("bestuurlijke-boete", InterventionType.Bestuurlijk, "Bestuurlijke boete", null, null),
        new("strafrechtelijk-onderzoek", InterventionType.Strafrechtelijk, "Strafrechtelijk onderzoek", null, null),
        new("inbeslagname", InterventionType.Strafrechtelijk, "Inbeslagname", null, null),
        new("boekenonderzoek", InterventionType.Fiscaal, "Boekenonderzoek", null, null),
        new("navorderingsaanslag", InterventionType.Fiscaal, "Navorderingsaanslag", null, null),
        new("beslaglegging", InterventionType.Fiscaal, "Beslaglegging", null, null),
    ];
}

internal sealed class InterventionSubtypeConfiguration : IEntityTypeConfiguration<InterventionSubtype>
{
    public void Configure(EntityTypeBuilder<InterventionSubtype> s)
    {
        s.ToTable("intervention_subtypes");
        s.HasKey(x => x.Code);
        s.Property(x => x.Code).HasMaxLength(Limits.Code);
        s.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        s.Property(x => x.Label).HasMaxLength(Limits.Label);
        s.Property(x => x.AddedBy).HasMaxLength(Limits.Name);
        s.HasData(InterventionSubtype.BuiltIn.Select(b => new { b.Code, b.Type, b.Label }));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Interventions;

public enum AwarenessActivityKind
{
    /// <summary>A workshop during an organisation or team meeting.</summary>
    Workshop,
    /// <summary>An action day among residents, such as ONDERSCHAT.</summary>
    ActionDay,
}

/// <param name="Programme">The programme it belongs to, e.g. ONDERSCHAT.</param>
public sealed record AwarenessActivityDetails(MunicipalityCode Municipality, LocalDate HeldOn, AwarenessActivityKind Kind,
    string? Programme, int Conversations);

/// <summary>An activity that raises awareness of subversion among residents and professionals.</summary>
public sealed class AwarenessActivity
{
    private AwarenessActivity() { }

    internal AwarenessActivity(AwarenessActivityDetails d, Instant recordedAt, Actor actor)
    {
        Id = AwarenessActivityId.New();
        Municipality = d.Municipality;
        HeldOn = d.HeldOn;
        Kind = d.Kind;
        Programme = d.Programme;
        Conversations = d.Conversations;
        RecordedAt = recordedAt;
        RecordedBy = actor.UserId;
    }

    public AwarenessActivityId Id { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    /// <summary>Counted in this date's year.</summary>
    public LocalDate HeldOn { get; private set; }
    public AwarenessActivityKind Kind { get; private set; }
    public string? Programme { get; private set; }
    /// <summary>The number of conversations with residents held during the activity.</summary>
    public int Conversations { get; private set; }
    public Instant RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}

internal sealed class AwarenessActivityConfiguration : IEntityTypeConfiguration<AwarenessActivity>
{
    public void Configure(EntityTypeBuilder<AwarenessActivity> a)
    {
        a.ToTable("awareness_activities");
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).HasConversion(v => v.Value, v => new AwarenessActivityId(v));
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        a.Property(x => x.Programme).HasMaxLength(Limits.Programme);
        a.Property(x => x.RecordedBy).HasMaxLength(Limits.Name);
        // Covers the annual counts by kind and the sum of conversations.
        a.HasIndex(x => new { x.Municipality, x.HeldOn, x.Kind, x.Conversations });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Lwo;

/// <summary>Where the LWO sent a case.</summary>
public enum LwoRoute { Politie, HandhavingWabo, HandhavingOpenbareRuimte, Ketenpartner, Atom, Mot, GeenVervolg }

public readonly record struct LwoDecisionId(Guid Value)
{
    public static LwoDecisionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

/// <summary>
/// The LWO's weighing of one case at one meeting, recorded from the step that carried it out. A case that comes
/// back for re-weighing (ATOM findings, Bibob advice) gets a second decision.
/// </summary>
public sealed class LwoDecision
{
    private LwoDecision() { }

    internal LwoDecision(CaseId caseId, MunicipalityCode municipality, LwoRoute route, string? chainPartner, string? reason,
        LocalDate meetingDate, Instant decidedAt, TriggerId trigger, int historySequence)
    {
        Id = LwoDecisionId.New();
        CaseId = caseId;
        Municipality = municipality;
        Route = route;
        ChainPartner = chainPartner;
        Reason = reason;
        MeetingDate = meetingDate;
        DecidedAt = decidedAt;
        Trigger = trigger;
        HistorySequence = historySequence;
    }

    public LwoDecisionId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    /// <summary>Copied from the case so that the statistics count per municipality without a join.</summary>
    public MunicipalityCode Municipality { get; private set; }
    public LwoRoute Route { get; private set; }
    /// <summary>For <see cref="LwoRoute.Ketenpartner"/>: which partner (NVWA, Douane, …).</summary>
    public string? ChainPartner { get; private set; }
    public string? Reason { get; private set; }
    /// <summary>The date of the LWO meeting; the statistics count the decision in this date's year.</summary>
    public LocalDate MeetingDate { get; private set; }
    public Instant DecidedAt { get; private set; }
    public TriggerId Trigger { get; private set; }
    /// <summary>The case history entry of the step that carried the decision out.</summary>
    public int HistorySequence { get; private set; }
}

internal sealed class LwoDecisionConfiguration : IEntityTypeConfiguration<LwoDecision>
{
    public void Configure(EntityTypeBuilder<LwoDecision> d)
    {
        d.ToTable("lwo_decisions");
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).HasConversion(v => v.Value, v => new LwoDecisionId(v));
        d.Property(x => x.Route).HasConversion<string>().HasMaxLength(32);
        d.Property(x => x.ChainPartner).HasMaxLength(Limits.Name);
        d.Property(x => x.Reason).HasMaxLength(Limits.Reason);
        d.HasOne<Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Covers the annual counts (distinct cases per route by meeting date) without reading table rows.
        d.HasIndex(x => new { x.Municipality, x.MeetingDate, x.Route, x.CaseId });
        d.HasIndex(x => x.CaseId);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Mot;

public enum InterventionStatus { Planned, Executed, Dropped }

public readonly record struct InterventionId(Guid Value)
{
    public static InterventionId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out InterventionId id)
    {
        var ok = Guid.TryParse(text, out var guid);
        id = new InterventionId(guid);
        return ok;
    }
    public override string ToString() => Value.ToString();
}

/// <summary>An intervention the MOT decided on for a case, and how far it got.</summary>
public sealed class Intervention
{
    private Intervention() { }

    internal Intervention(CaseId caseId, MunicipalityCode municipality, InterventionSubtype subtype, string executingOrganisation,
        LocalDate decidedOn, LocalDate? plannedFor, string? note, Instant recordedAt)
    {
        Id = InterventionId.New();
        CaseId = caseId;
        Municipality = municipality;
        Type = subtype.Type;
        SubtypeCode = subtype.Code;
        ExecutingOrganisation = executingOrganisation;
        Status = InterventionStatus.Planned;
        DecidedOn = decidedOn;
        PlannedFor = plannedFor;
        Note = note;
        RecordedAt = recordedAt;
    }

    public InterventionId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    /// <summary>Copied from the subtype so the statistics group by type without a join.</summary>
    public InterventionType Type { get; private set; }
    public string SubtypeCode { get; private set; } = "";
    public string ExecutingOrganisation { get; private set; } = "";
    public InterventionStatus Status { get; private set; }
    /// <summary>The MOT meeting that decided it; the statistics count the intervention in this date's year.</summary>
    public LocalDate DecidedOn { get; private set; }
    public LocalDate? PlannedFor { get; private set; }
    public LocalDate? ExecutedOn { get; private set; }
    public LocalDate? DroppedOn { get; private set; }
    public string? Note { get; private set; }
    public Instant RecordedAt { get; private set; }

    internal void ChangeStatus(InterventionStatus status, LocalDate on, string? note)
    {
        if (Status != InterventionStatus.Planned)
            throw new EngineProblem(ProblemKind.Conflict, "The intervention is already finished",
                $"This intervention was already {(Status == InterventionStatus.Executed ? "executed" : "dropped")}; its status cannot change any more.");
        if (on < DecidedOn)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["date"] = [$"The date lies before the decision of {DecidedOn:yyyy-MM-dd}."],
            });
        Status = status;
        if (status == InterventionStatus.Executed) ExecutedOn = on;
        if (status == InterventionStatus.Dropped) DroppedOn = on;
        if (note is not null) Note = note;
    }
}

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> i)
    {
        i.ToTable("interventions");
        i.HasKey(x => x.Id);
        i.Property(x => x.Id).HasConversion(v => v.Value, v => new InterventionId(v));
        i.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        i.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        i.Property(x => x.SubtypeCode).HasMaxLength(Limits.Code);
        i.Property(x => x.ExecutingOrganisation).HasMaxLength(Limits.Name);
        i.Property(x => x.Note).HasMaxLength(Limits.Note);
        i.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        i.HasOne<InterventionSubtype>().WithMany().HasForeignKey(x => x.SubtypeCode).OnDelete(DeleteBehavior.Restrict);
        // Covers the annual counts per type, dropped ones left out.
        i.HasIndex(x => new { x.Municipality, x.DecidedOn, x.Status, x.Type });
        i.HasIndex(x => x.CaseId);
    }
}

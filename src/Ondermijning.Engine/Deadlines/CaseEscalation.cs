using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Deadlines;

/// <summary>
/// A stay in a stage that outran its deadline. One per stay: the stay is identified by the history
/// <see cref="StageEntrySequence"/> of the entry that put the case in the stage, and a unique index on
/// (case, that sequence) is what makes a second escalation impossible, whoever runs the job.
/// </summary>
public sealed class CaseEscalation
{
    private CaseEscalation() { }

    internal CaseEscalation(CaseId caseId, int stageEntrySequence, StageId stage, Instant dueAt, Instant escalatedAt)
    {
        CaseId = caseId;
        StageEntrySequence = stageEntrySequence;
        Stage = stage;
        DueAt = dueAt;
        EscalatedAt = escalatedAt;
    }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public int StageEntrySequence { get; private set; }
    public StageId Stage { get; private set; }
    public Instant DueAt { get; private set; }
    public Instant EscalatedAt { get; private set; }
}

internal sealed class CaseEscalationConfiguration : IEntityTypeConfiguration<CaseEscalation>
{
    public void Configure(EntityTypeBuilder<CaseEscalation> e)
    {
        e.ToTable("case_escalations");
        e.HasKey(x => x.Id);
        e.HasOne<Case>().WithMany(c => c.Escalations).HasForeignKey(x => x.CaseId);
        e.HasIndex(x => new { x.CaseId, x.StageEntrySequence }).IsUnique();
        e.HasIndex(x => x.DueAt);
    }
}

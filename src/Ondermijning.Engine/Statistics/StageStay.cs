using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Statistics;

/// <summary>
/// How long a case stayed in a stage: derived from two consecutive history entries when the case leaves the stage.
/// Kept as its own row with the duration in seconds, because medians and percentiles are only computable in
/// the database from a column it can sort, and instants cannot be subtracted in a portable query.
/// </summary>
public sealed class StageStay
{
    private StageStay() { }

    internal StageStay(Case @case, WorkflowId workflow, int definitionVersion, StageId stage, Instant enteredAt, Instant leftAt)
    {
        CaseId = @case.Id;
        Municipality = @case.Municipality;
        Workflow = workflow;
        DefinitionVersion = definitionVersion;
        Stage = stage;
        EnteredAt = enteredAt;
        LeftAt = leftAt;
        Seconds = (long)(leftAt - enteredAt).TotalSeconds;
    }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public WorkflowId Workflow { get; private set; }
    public int DefinitionVersion { get; private set; }
    public StageId Stage { get; private set; }
    public Instant EnteredAt { get; private set; }
    /// <summary>The stay is counted in the period in which the case left the stage.</summary>
    public Instant LeftAt { get; private set; }
    public long Seconds { get; private set; }
}

internal sealed class StageStayConfiguration : IEntityTypeConfiguration<StageStay>
{
    public void Configure(EntityTypeBuilder<StageStay> s)
    {
        s.ToTable("stage_stays");
        s.HasKey(x => x.Id);
        s.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        // Covers the overview's count per workflow's stage and its percentile reads, so neither touches the table rows.
        s.HasIndex(x => new { x.Municipality, x.LeftAt, x.Workflow, x.Stage, x.Seconds });
    }
}

/// <summary>Writes a <see cref="StageStay"/> for the stage every step leaves.</summary>
internal sealed class RecordStageStay(Persistence.OndermijningDbContext db) : IStepObserver
{
    public Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        db.Set<StageStay>().Add(new StageStay(step.Case, step.Definition.Key.Workflow, step.Definition.Key.Version,
            step.Transition.From, step.LeftStageEnteredAt, step.Entry.At));
        return Task.CompletedTask;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Lwo;

/// <summary>
/// When a case first reached the LWO, with what the statistics select it by. Derivable from the history, but kept
/// as a row so that "signals from residents that reached the LWO" is one indexed count instead of a search through
/// every case's history.
/// </summary>
public sealed class LwoArrival
{
    private LwoArrival() { }

    internal LwoArrival(Case @case, Instant arrivedAt)
    {
        CaseId = @case.Id;
        Municipality = @case.Municipality;
        SourceChannel = @case.SourceChannel;
        ArrivedAt = arrivedAt;
    }

    public CaseId CaseId { get; private set; }
    public MunicipalityCode Municipality { get; private set; }
    public SourceChannel SourceChannel { get; private set; }
    public Instant ArrivedAt { get; private set; }
}

internal sealed class LwoArrivalConfiguration : IEntityTypeConfiguration<LwoArrival>
{
    public void Configure(EntityTypeBuilder<LwoArrival> a)
    {
        a.ToTable("lwo_arrivals");
        a.HasKey(x => x.CaseId);
        a.Property(x => x.SourceChannel).HasConversion<string>().HasMaxLength(32);
        a.HasOne<Case>().WithOne().HasForeignKey<LwoArrival>(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.Municipality, x.SourceChannel, x.ArrivedAt });
    }
}

/// <summary>Records a case's first step into an LWO stage; later returns (re-weighing) are not arrivals.</summary>
internal sealed class RecordLwoArrival(OndermijningDbContext db) : IStepObserver
{
    public async Task ObserveAsync(StepTaken step, CancellationToken cancellationToken)
    {
        if (step.Definition.Stage(step.Transition.To).Table?.Kind != TableKind.Lwo) return;
        if (await db.Set<LwoArrival>().AnyAsync(a => a.CaseId == step.Case.Id, cancellationToken)) return;
        db.Set<LwoArrival>().Add(new LwoArrival(step.Case, step.Entry.At));
    }
}

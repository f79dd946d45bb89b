using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Deadlines;

/// <summary>
/// Cases that entered their stage before the engine kept due dates (stay 0, which no entry produces) get the
/// stay and due date they would have had, so they are escalated like any other. Runs once per database and is
/// recorded, because finding those cases means reading every case, and start-up must not grow with their number.
/// </summary>
public sealed class BackfillStays(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    public const string JobName = "stays-backfill";

    public Task RunAsync(CancellationToken cancellationToken = default) => JobRuns.OnceAsync(db, clock, JobName, async ct =>
    {
        var cases = await db.Cases.Include(c => c.History).Where(c => c.StageEntrySequence == 0).ToListAsync(ct);
        foreach (var @case in cases)
            @case.BackfillStay(catalog.Get(@case.Definition).Stage(@case.Stage));
        await db.SaveChangesAsync(ct);
        return $"{cases.Count} cases given their stay and due date";
    }, cancellationToken);
}

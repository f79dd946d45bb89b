using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Deadlines;

/// <summary>
/// Cases that entered their stage before the engine kept due dates (stay 0, which no entry produces) get the
/// stay and due date they would have had, so they are escalated like any other. Finds nothing once done.
/// </summary>
public sealed class BackfillStays(OndermijningDbContext db, WorkflowCatalog catalog)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var cases = await db.Cases.Include(c => c.History).Where(c => c.StageEntrySequence == 0).ToListAsync(cancellationToken);
        foreach (var @case in cases)
            @case.BackfillStay(catalog.Get(@case.Definition).Stage(@case.Stage));
        await db.SaveChangesAsync(cancellationToken);
    }
}

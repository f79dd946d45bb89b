using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Lwo;

public sealed class LwoDecisions(OndermijningDbContext db, AccessGate gate)
{
    /// <summary>The LWO's decisions on a case, in the order they were taken.</summary>
    public async Task<IReadOnlyList<LwoDecision>> OfAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        return await db.Set<LwoDecision>().AsNoTracking().Where(d => d.CaseId == caseId)
            .OrderBy(d => d.HistorySequence).ToListAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Atom;

public sealed class RecordAtomInspection(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    public async Task<AtomInspection> HandleAsync(CaseId caseId, AtomInspectionDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        actor.Require("record an ATOM inspection", Role.OovRegisseur);
        var @case = await db.CaseThatReachedAsync(catalog, caseId, ChainTable.Atom, cancellationToken);

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Amsterdam.Zone).Date;
        if (details.InspectedOn > today)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["inspectedOn"] = ["The inspection date lies in the future; record an inspection once it has taken place."],
            });

        var inspection = new AtomInspection(caseId, @case.Municipality, details, details.InspectedOn ?? today, now, actor);
        db.Set<AtomInspection>().Add(inspection);
        await db.SaveChangesAsync(cancellationToken);
        return inspection;
    }

    public Task<List<AtomInspection>> ListAsync(CaseId caseId, CancellationToken cancellationToken = default) =>
        db.Set<AtomInspection>().AsNoTracking().Where(i => i.CaseId == caseId)
            .OrderBy(i => i.InspectedOn).ThenBy(i => i.RecordedAt).ToListAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Cases;

public static class TableVisits
{
    private static readonly Dictionary<TableKind, string> Names = new()
    {
        [TableKind.Lwo] = "the LWO",
        [TableKind.Atom] = "ATOM",
        [TableKind.Mot] = "the MOT",
    };

    /// <summary>
    /// Refuses unless the case is at a table of <paramref name="kind"/> or has been there: outcomes of a table belong to cases the
    /// table actually handled. Stages are looked up in every version, since a case may have been migrated.
    /// </summary>
    public static async Task EnsureReachedAsync(this OndermijningDbContext db, WorkflowCatalog catalog, Case @case,
        TableKind kind, CancellationToken cancellationToken)
    {
        var tableStages = catalog.Versions(@case.Workflow).SelectMany(d => d.Stages)
            .Where(s => s.Table?.Kind == kind).Select(s => s.Id).Distinct().ToList();
        var reached = await db.CaseHistory.AnyAsync(h => h.CaseId == @case.Id && tableStages.Contains(h.ToStage), cancellationToken);
        if (!reached)
            throw new EngineProblem(ProblemKind.Conflict, $"This case has not been at {Names[kind]}",
                $"Only cases that {Names[kind]} handled can have its outcomes recorded. Send the case there first.");
    }
}

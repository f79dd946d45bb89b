using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Deadlines;

/// <summary>The overdue cases a user can do something about, within the municipalities the user works for.</summary>
public sealed class OverdueCases(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    /// <summary>
    /// Overdue cases whose current stage has a step the user's roles allow: until cases are assigned to people,
    /// that is what "my overdue cases" means. Most overdue first.
    /// </summary>
    public async Task<IReadOnlyList<Case>> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        // Narrowed in the database to stages the user can act on in some version, so that a region's backlog of
        // other roles' work is not loaded; whether the case's own version allows it is checked per case below.
        AccessGate.Require(actor, Permission.ReadOverdue);
        var actionable = catalog.All
            .SelectMany(d => d.Stages.Where(s => MayAct(d, s.Id, actor)).Select(s => s.Id))
            .Distinct()
            .ToList();
        var overdue = await db.Cases.AsNoTracking()
            .VisibleTo(actor)
            .Where(c => c.DueAt != null && c.DueAt <= now && actionable.Contains(c.Stage))
            .Include(c => c.Escalations)
            .OrderBy(c => c.DueAt)
            .ToListAsync(cancellationToken);
        return overdue.Where(c => catalog.Find(c.Definition) is { } definition && MayAct(definition, c.Stage, actor)).ToList();
    }

    private static bool MayAct(WorkflowDefinition definition, StageId stage, Actor actor) =>
        definition.TransitionsFrom(stage).Any(t => t.Guards.Roles.Count == 0 || t.Guards.Roles.Any(actor.HasRole));
}

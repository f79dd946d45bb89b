using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Deadlines;

/// <summary>The overdue cases a user can do something about.</summary>
public sealed class OverdueCases(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    /// <summary>
    /// Overdue cases whose current stage has a step the user's roles allow: until cases are assigned to people,
    /// that is what "my overdue cases" means. Most overdue first.
    /// </summary>
    public async Task<IReadOnlyList<Case>> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var overdue = await db.Cases.AsNoTracking()
            .Include(c => c.Escalations)
            .Where(c => c.DueAt != null && c.DueAt <= now)
            .OrderBy(c => c.DueAt)
            .ToListAsync(cancellationToken);
        return overdue.Where(c => MayAct(c, actor)).ToList();
    }

    private bool MayAct(Case @case, Actor actor) =>
        catalog.Find(@case.Definition) is { } definition &&
        definition.TransitionsFrom(@case.Stage).Any(t => t.Guards.Roles.Count == 0 || t.Guards.Roles.Any(actor.HasRole));
}

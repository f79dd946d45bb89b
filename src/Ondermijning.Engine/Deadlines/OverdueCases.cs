using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Deadlines;

/// <summary>The overdue cases a user can do something about, within the municipalities the user works for.</summary>
public sealed class OverdueCases(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock, AccessGate gate)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// One page of the overdue cases whose current stage has a step the user's roles allow (until cases are assigned to
    /// people, that is what "my overdue cases" means), longest overdue first, and how many there are in all. Counted and
    /// paged by the database, so a backlog of thousands costs one page, and none of them is left out of the count.
    /// </summary>
    public async Task<Page<Case>> PageAsync(Actor actor, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(actor, Permission.ReadOverdue);
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                [page < 1 ? "page" : "pageSize"] = [page < 1 ? "Pages are numbered from 1." : $"A page holds 1 to {MaxPageSize} cases."],
            });
        var now = clock.GetCurrentInstant();
        var overdue = gate.WithoutHidden(db.Cases.AsNoTracking().VisibleTo(actor), actor)
            .Where(c => c.DueAt != null && c.DueAt <= now)
            .Where(ActionableBy(actor));
        var total = await overdue.CountAsync(cancellationToken);
        var items = await overdue
            .OrderBy(c => c.DueAt).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Include(c => c.Escalations)
            .ToListAsync(cancellationToken);
        await gate.ShowAsync(items, actor, cancellationToken);
        return new Page<Case>(items, page, pageSize, total);
    }

    /// <summary>
    /// "The case's own definition has a step from its stage open to the actor", as a condition the database evaluates: per
    /// definition version the stages the actor may act on, so a stage that allows the step in one version and not in
    /// another is counted only where it does.
    /// </summary>
    private Expression<Func<Case, bool>> ActionableBy(Actor actor)
    {
        var @case = Expression.Parameter(typeof(Case), "c");
        Expression? condition = null;
        foreach (var definition in catalog.All)
        {
            var stages = definition.Stages.Where(s => MayAct(definition, s.Id, actor)).Select(s => s.Id).ToList();
            if (stages.Count == 0) continue;
            var workflow = definition.Key.Workflow;
            var version = definition.Key.Version;
            Expression<Func<Case, bool>> mine = c => c.Workflow == workflow && c.DefinitionVersion == version && stages.Contains(c.Stage);
            var body = new Rebind(mine.Parameters[0], @case).Visit(mine.Body);
            condition = condition is null ? body : Expression.OrElse(condition, body);
        }
        return Expression.Lambda<Func<Case, bool>>(condition ?? Expression.Constant(false), @case);
    }

    private static bool MayAct(WorkflowDefinition definition, StageId stage, Actor actor) =>
        definition.TransitionsFrom(stage).Any(t => t.Guards.Admits(actor));

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

/// <summary>
/// Raising the weight of a case opens gates to more information, so it needs a reason and is recorded in the history.
/// Lowering is not offered: information already shared cannot be unshared.
/// </summary>
public sealed class RaiseSeverity(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog, IClock clock)
{
    public async Task<Case> HandleAsync(CaseId caseId, Severity to, string? reason, Actor actor, CancellationToken cancellationToken = default)
    {
        var f = new Fields();
        f.Text(to.Value, "severity", "Say which severity the case gets.", Limits.Code);
        reason = f.Text(reason, "reason", "Say why the case weighs more now.", Limits.Reason, TextKind.MultiLine);
        f.ThrowIfAny();
        var @case = await gate.CaseAsync(caseId, actor, Permission.RaiseSeverity, tracked: true, cancellationToken: cancellationToken);
        var definition = catalog.Get(@case.Definition);
        if (!definition.HasSeverity(to))
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["severity"] = [$"'{to}' is not a severity level. Choose one of: {string.Join(", ", definition.SeverityLevels.Select(l => l.Id))}."],
            });
        if (definition.Rank(to) <= definition.Rank(@case.Severity))
            throw new EngineProblem(ProblemKind.RuleViolation, "The severity can only be raised",
                $"The case's severity is '{definition.SeverityLabel(@case.Severity)}'; choose a higher level than that.");

        @case.RaiseSeverity(to, reason, clock.GetCurrentInstant(), actor);
        await db.SaveCaseChangesAsync(cancellationToken);
        return @case;
    }
}

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Atom;

public sealed class RecordAtomInspection(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog, IClock clock)
{
    public async Task<AtomInspection> HandleAsync(CaseId caseId, AtomInspectionDetails details, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var f = new Fields();
        f.Text(details.Location, "location", "Say which location was inspected.", Limits.Location);
        f.Check(details.InspectedOn, "inspectedOn");
        foreach (var (organisation, i) in details.Organisations.Select((o, i) => (o, i)))
            f.Text(organisation, $"organisations[{i}]", "Name the organisation.", Limits.Name);
        f.OptionalText(details.OtherOutcome, "otherOutcome", Limits.OtherOutcome, TextKind.MultiLine);
        f.ThrowIfAny();
        var @case = await gate.CaseAsync(caseId, actor, Permission.RecordAtomInspection, cancellationToken: cancellationToken);
        if (await db.RecordedBeforeAsync<AtomInspection>(cancellationToken) is { } earlier) return earlier;
        await db.EnsureReachedAsync(catalog, @case, TableKind.Atom, cancellationToken);

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Amsterdam.Zone).Date;
        if (details.InspectedOn > today)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["inspectedOn"] = ["The inspection date lies in the future; record an inspection once it has taken place."],
            });

        var on = details.InspectedOn ?? today;
        // Several cases inspected at one location in one visit share it: the first inspection recorded counts the location.
        var location = details.Location.Trim().ToLowerInvariant();
        var visited = await db.Set<AtomInspection>().AsNoTracking()
            .Where(i => i.Municipality == @case.Municipality && i.InspectedOn == on && i.CaseId != caseId && i.SameLocationAs == null && i.Location != null
                        && i.Location.Trim().ToLower() == location)
            .Select(i => (AtomInspectionId?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var inspection = new AtomInspection(caseId, @case.Municipality, details, on, visited, now, actor);
        db.AddRecord(inspection, now);
        await db.SaveChangesAsync(cancellationToken);
        return inspection;
    }

    public async Task<List<AtomInspection>> ListAsync(CaseId caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await gate.CaseAsync(caseId, actor, Permission.ReadInformation, cancellationToken: cancellationToken);
        return await db.Set<AtomInspection>().AsNoTracking().Where(i => i.CaseId == caseId)
            .OrderBy(i => i.InspectedOn).ThenBy(i => i.RecordedAt).ToListAsync(cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Cases;

public sealed record CaseFilter(
    StageId? Stage = null,
    MunicipalityCode? Municipality = null,
    WorkflowId? Workflow = null,
    int? DefinitionVersion = null,
    LocalDate? ReceivedFrom = null,
    LocalDate? ReceivedTo = null,
    int Page = 1,
    int PageSize = 25,
    SourceChannel? SourceChannel = null,
    string? Branch = null,
    Severity? Severity = null,
    bool OpenOnly = false,
    /// <summary>Longest in their stage first (an agenda), instead of newest received first.</summary>
    bool LongestWaitingFirst = false);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

/// <summary>A step the user could take now, and what it still needs.</summary>
public sealed record AvailableStep(TransitionDefinition Transition, StageDefinition Target, IReadOnlyList<UnmetRequirement> BlockedBy);

public static class CaseVisibility
{
    /// <summary>Users work for one or more municipalities and see only those municipalities' cases.</summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, Actor viewer)
    {
        var municipalities = viewer.Municipalities.ToList();
        return cases.Where(c => municipalities.Contains(c.Municipality));
    }
}

public sealed class CaseQueries(OndermijningDbContext db, AccessGate gate, WorkflowCatalog catalog)
{
    public const int MaxPageSize = 200;

    public async Task<Page<Case>> ListAsync(CaseFilter filter, Actor viewer, CancellationToken cancellationToken = default)
    {
        AccessGate.Require(viewer, Permission.ReadCase);
        var query = db.Cases.AsNoTracking().VisibleTo(viewer);
        if (filter.Stage is { } stage) query = query.Where(c => c.Stage == stage);
        if (filter.Municipality is { } municipality) query = query.Where(c => c.Municipality == municipality);
        if (filter.Workflow is { } workflow) query = query.Where(c => c.Workflow == workflow);
        if (filter.DefinitionVersion is { } version) query = query.Where(c => c.DefinitionVersion == version);
        if (filter.SourceChannel is { } channel) query = query.Where(c => c.SourceChannel == channel);
        // As people type a branch: "horeca" finds "Horeca" and "horeca en recreatie".
        if (filter.Branch is { } branch && branch.Trim().ToLowerInvariant() is { Length: > 0 } part)
            query = query.Where(c => c.Branch != null && c.Branch.ToLower().Contains(part));
        if (filter.Severity is { } severity) query = query.Where(c => c.Severity == severity);
        if (filter.OpenOnly)
        {
            var finalStages = catalog.All.SelectMany(d => d.Stages).Where(s => s.Kind == StageKind.Final).Select(s => s.Id).Distinct().ToList();
            query = query.Where(c => !finalStages.Contains(c.Stage));
        }
        if (filter.ReceivedFrom is { } from)
        {
            var start = from.AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
            query = query.Where(c => c.ReceivedAt >= start);
        }
        if (filter.ReceivedTo is { } to)
        {
            var end = to.PlusDays(1).AtStartOfDayInZone(Amsterdam.Zone).ToInstant();
            query = query.Where(c => c.ReceivedAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = filter.LongestWaitingFirst
            ? query.OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id);
        var items = await ordered
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .ToListAsync(cancellationToken);
        return new Page<Case>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>A case of another municipality is reported as not found, so its existence is not given away.</summary>
    public Task<Case> GetAsync(CaseId id, Actor viewer, CancellationToken cancellationToken = default) =>
        gate.CaseAsync(id, viewer, Permission.ReadCase, CaseParts.Whole, cancellationToken: cancellationToken);

    /// <summary>How many cases run on each definition version (closed ones included: they stay pinned to it).</summary>
    public async Task<IReadOnlyDictionary<DefinitionKey, int>> CountPerVersionAsync(CancellationToken cancellationToken = default) =>
        (await db.Cases.GroupBy(c => new { c.Workflow, c.DefinitionVersion })
            .Select(g => new { g.Key.Workflow, g.Key.DefinitionVersion, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .ToDictionary(x => new DefinitionKey(x.Workflow, x.DefinitionVersion), x => x.Count);

    public IReadOnlyList<AvailableStep> AvailableSteps(Case @case, Actor actor)
    {
        var definition = catalog.Get(@case.Definition);
        return definition.TransitionsFrom(@case.Stage)
            .Select(t => new AvailableStep(t, definition.Stage(t.To), CaseStateMachine.StandingRequirements(definition, t, @case.Severity, actor)))
            .ToList();
    }

    /// <summary>
    /// The name each case goes by where many are listed (an agenda): its first company, otherwise its first person. Only for
    /// cases the viewer was given, so it shows nothing the case page would not.
    /// </summary>
    public async Task<IReadOnlyDictionary<CaseId, string>> SubjectNamesAsync(IReadOnlyCollection<Case> visible, CancellationToken cancellationToken = default)
    {
        var ids = visible.Select(c => c.Id).ToList();
        var companies = await db.Set<CaseCompany>().AsNoTracking().Where(c => ids.Contains(c.CaseId)).OrderBy(c => c.Id)
            .Select(c => new { c.CaseId, c.Name }).ToListAsync(cancellationToken);
        var persons = await db.Set<CasePerson>().AsNoTracking().Where(p => ids.Contains(p.CaseId)).OrderBy(p => p.Id)
            .Select(p => new { p.CaseId, p.Name }).ToListAsync(cancellationToken);
        return companies.Concat(persons).GroupBy(s => s.CaseId).ToDictionary(g => g.Key, g => g.First().Name);
    }
}

using System.Linq.Expressions;
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
    bool LongestWaitingFirst = false,
    /// <summary>Another order than newest received first; <see cref="LongestWaitingFirst"/> wins when set.</summary>
    CaseOrder Order = CaseOrder.NewestReceived,
    /// <summary>Only cases in one of these stages (what waits for a user); null for any stage.</summary>
    IReadOnlyCollection<StageId>? Stages = null,
    /// <summary>Only cases of these municipalities (among the viewer's), e.g. those seating the viewer at a table; null for all.</summary>
    IReadOnlyCollection<MunicipalityCode>? Municipalities = null);

public enum CaseOrder
{
    NewestReceived,
    /// <summary>Longest in their current stage first.</summary>
    LongestWaiting,
    /// <summary>In the order of the chain (the stages' order in the newest definitions), then longest waiting.</summary>
    Stage,
    /// <summary>By the municipality's name, then newest received.</summary>
    Municipality,
}

/// <summary>How many open cases a stage holds and how many of them are past their deadline.</summary>
public sealed record StageLoad(StageId Stage, int Cases, int Overdue);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount);

/// <summary>A step the user could take now, and what it still needs.</summary>
public sealed record AvailableStep(TransitionDefinition Transition, StageDefinition Target, IReadOnlyList<UnmetRequirement> BlockedBy);

/// <summary>Cases read with the persons, companies and addresses a card, row or hit names them by.</summary>
public static class CaseSubjects
{
    /// <summary>
    /// The cases <paramref name="page"/> (a filtered, ordered, paged query) selects, with their persons, companies and
    /// addresses, in its order. The page is chosen once and its subjects are read by the chosen ids: split includes on the
    /// query itself would repeat its filter and its sort for every side table.
    /// </summary>
    public static async Task<List<Case>> WithSubjectsAsync(this OndermijningDbContext db, IQueryable<Case> page, CancellationToken cancellationToken) =>
        await db.WithSubjectsAsync(await page.Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// The cases <paramref name="ids"/> names, with their subjects, in that order. The side tables are read by case id
    /// rather than as split includes, which EF builds a reader for on every run when the id list is a parameter.
    /// </summary>
    public static async Task<List<Case>> WithSubjectsAsync(this OndermijningDbContext db, IReadOnlyList<CaseId> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var person in await db.Set<CasePerson>().AsNoTracking().Where(p => wanted.Contains(p.CaseId)).OrderBy(p => p.Id).ToListAsync(cancellationToken))
            if (cases.TryGetValue(person.CaseId, out var of)) of.Persons.Add(person);
        foreach (var company in await db.Set<CaseCompany>().AsNoTracking().Where(c => wanted.Contains(c.CaseId)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            if (cases.TryGetValue(company.CaseId, out var of)) of.Companies.Add(company);
        foreach (var address in await db.Set<CaseAddress>().AsNoTracking().Where(a => wanted.Contains(a.CaseId)).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            if (cases.TryGetValue(address.CaseId, out var of)) of.Addresses.Add(address);
        return ids.Where(cases.ContainsKey).Select(id => cases[id]).ToList();
    }
}

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

    /// <param name="parts">With <see cref="CaseParts.Subjects"/> the cards and rows can name who a case is about.</param>
    public async Task<Page<Case>> ListAsync(CaseFilter filter, Actor viewer, CancellationToken cancellationToken = default,
        CaseParts parts = CaseParts.Case)
    {
        var query = Filtered(filter, viewer);
        var total = await query.CountAsync(cancellationToken);
        IQueryable<Case> ordered = (filter.LongestWaitingFirst ? CaseOrder.LongestWaiting : filter.Order) switch
        {
            CaseOrder.LongestWaiting => query.OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id),
            CaseOrder.Stage => query.OrderBy(ChainPosition()).ThenBy(c => c.StageEnteredAt).ThenBy(c => c.Id),
            CaseOrder.Municipality => query.OrderBy(NamePosition(viewer)).ThenByDescending(c => c.ReceivedAt).ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id),
        };
        var page = ordered.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize);
        var items = parts == CaseParts.Case ? await page.ToListAsync(cancellationToken) : await db.WithSubjectsAsync(page, cancellationToken);
        await gate.ShowAsync(items, viewer, cancellationToken);
        return new Page<Case>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>
    /// Per stage, its <paramref name="perStage"/> most urgent filtered cases with their subjects: earliest due first, so the
    /// overdue lead, then those without a deadline, longest waiting first. Each stage is read as two ranges of the
    /// (municipality, stage, due, entered, id) index, so a stage of thousands of cases costs what one of ten does: an order on
    /// "due is null" first would make the database sort the whole stage.
    /// </summary>
    public async Task<IReadOnlyDictionary<StageId, IReadOnlyList<Case>>> MostUrgentAsync(CaseFilter filter, IReadOnlyCollection<StageId> stages,
        int perStage, Actor viewer, CancellationToken cancellationToken = default)
    {
        var chosen = new Dictionary<StageId, List<CaseId>>();
        foreach (var stage in stages)
        {
            var inStage = Filtered(filter with { Stage = stage }, viewer);
            var ids = await inStage.Where(c => c.DueAt != null)
                .OrderBy(c => c.DueAt).ThenBy(c => c.StageEnteredAt).ThenBy(c => c.Id)
                .Select(c => c.Id).Take(perStage).ToListAsync(cancellationToken);
            if (ids.Count < perStage)
                ids.AddRange(await inStage.Where(c => c.DueAt == null)
                    .OrderBy(c => c.StageEnteredAt).ThenBy(c => c.Id)
                    .Select(c => c.Id).Take(perStage - ids.Count).ToListAsync(cancellationToken));
            chosen[stage] = ids;
        }
        var cases = (await db.WithSubjectsAsync(chosen.Values.SelectMany(ids => ids).ToList(), cancellationToken)).ToDictionary(c => c.Id);
        await gate.ShowAsync(cases.Values, viewer, cancellationToken);
        return chosen.ToDictionary(x => x.Key, x => (IReadOnlyList<Case>)x.Value.Where(cases.ContainsKey).Select(id => cases[id]).ToList());
    }

    /// <summary>Per stage, how many of the filtered cases it holds and how many are overdue at <paramref name="now"/>.</summary>
    public async Task<IReadOnlyList<StageLoad>> CountPerStageAsync(CaseFilter filter, Actor viewer, Instant now,
        CancellationToken cancellationToken = default) =>
        (await Filtered(filter, viewer)
            .GroupBy(c => c.Stage)
            .Select(g => new { Stage = g.Key, Cases = g.Count(), Overdue = g.Count(c => c.DueAt != null && c.DueAt < now) })
            .ToListAsync(cancellationToken))
        .Select(x => new StageLoad(x.Stage, x.Cases, x.Overdue))
        .ToList();

    private IQueryable<Case> Filtered(CaseFilter filter, Actor viewer)
    {
        AccessGate.Require(viewer, Permission.ReadCase);
        var query = gate.WithoutHidden(db.Cases.AsNoTracking().VisibleTo(viewer), viewer);
        if (filter.Stage is { } stage) query = query.Where(c => c.Stage == stage);
        if (filter.Stages is { } stages)
        {
            var among = stages.ToList();
            query = query.Where(c => among.Contains(c.Stage));
        }
        if (filter.Municipality is { } municipality) query = query.Where(c => c.Municipality == municipality);
        if (filter.Municipalities is { } municipalities)
        {
            var among = municipalities.ToList();
            query = query.Where(c => among.Contains(c.Municipality));
        }
        if (filter.Workflow is { } workflow) query = query.Where(c => c.Workflow == workflow);
        if (filter.DefinitionVersion is { } version) query = query.Where(c => c.DefinitionVersion == version);
        if (filter.SourceChannel is { } channel) query = query.Where(c => c.SourceChannel == channel);
        // As people type a branch: "horeca" finds "Horeca" and "horeca en recreatie".
        if (filter.Branch is { } branch && branch.Trim().ToLowerInvariant() is { Length: > 0 } part)
            query = query.Where(c => c.Branch != null && c.Branch.ToLower().Contains(part));
        if (filter.Severity is { } severity) query = query.Where(c => c.Severity == severity);
        if (filter.OpenOnly)
        {
            // Named as the stages it may be in rather than those it may not: a range per stage of the (municipality, stage)
            // indexes reads the open cases only, not every case the municipality ever had.
            var all = catalog.All.SelectMany(d => d.Stages).ToList();
            var final = all.Where(s => s.Kind == StageKind.Final).Select(s => s.Id).ToHashSet();
            var open = all.Select(s => s.Id).Where(id => !final.Contains(id)).Distinct().ToList();
            query = query.Where(c => open.Contains(c.Stage));
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
        return query;
    }

    /// <summary>The stages in chain order, as the newest definition of each workflow lists them.</summary>
    public IReadOnlyList<StageId> ChainOrder() =>
        catalog.All.OrderByDescending(d => d.Key.Version).SelectMany(d => d.Stages).Select(s => s.Id).Distinct().ToList();

    // Stage and municipality are stored as codes; their order for people (chain order, CBS name) is a position the database computes from a CASE.
    private Expression<Func<Case, int>> ChainPosition() => Position(c => c.Stage, ChainOrder());

    private static Expression<Func<Case, int>> NamePosition(Actor viewer) =>
        Position(c => c.Municipality, viewer.Municipalities.OrderBy(Municipalities.NameOf, StringComparer.Create(Dutch, true)).ToList());

    private static readonly System.Globalization.CultureInfo Dutch = new("nl-NL");

    private static Expression<Func<Case, int>> Position<T>(Expression<Func<Case, T>> property, IReadOnlyList<T> order)
    {
        Expression position = Expression.Constant(order.Count);
        for (var i = order.Count - 1; i >= 0; i--)
            position = Expression.Condition(Expression.Equal(property.Body, Expression.Constant(order[i], typeof(T))), Expression.Constant(i), position);
        return Expression.Lambda<Func<Case, int>>(position, property.Parameters);
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
    /// cases the viewer was given and whose content they see, so it shows nothing the case page would not.
    /// </summary>
    public async Task<IReadOnlyDictionary<CaseId, string>> SubjectNamesAsync(IReadOnlyCollection<Case> visible, Actor viewer,
        CancellationToken cancellationToken = default)
    {
        var ids = visible.Where(c => gate.ViewOf(c, viewer) == CaseView.Content).Select(c => c.Id).ToList();
        var companies = await db.Set<CaseCompany>().AsNoTracking().Where(c => ids.Contains(c.CaseId)).OrderBy(c => c.Id)
            // A company registered by its KvK number alone goes by that number.
            .Select(c => new { c.CaseId, Name = c.Name ?? "KvK " + c.KvkNumber }).ToListAsync(cancellationToken);
        var persons = await db.Set<CasePerson>().AsNoTracking().Where(p => ids.Contains(p.CaseId)).OrderBy(p => p.Id)
            .Select(p => new { p.CaseId, p.Name }).ToListAsync(cancellationToken);
        return companies.Concat(persons).GroupBy(s => s.CaseId).ToDictionary(g => g.Key, g => g.First().Name);
    }
}

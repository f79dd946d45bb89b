using Microsoft.EntityFrameworkCore;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Engine.Privacy;

/// <summary>How much of a case to load with it.</summary>
public enum CaseParts
{
    /// <summary>The case row only.</summary>
    Case,
    /// <summary>With its persons, companies and addresses: what the registers are asked about.</summary>
    Subjects,
    /// <summary>With history, subjects and escalations: what a case page or detail shows.</summary>
    Whole,
}

/// <summary>
/// The one access gate. Every read and write of a case, of what hangs from it, and of records that belong to a
/// municipality passes here with a named <see cref="Permission"/>: a case or municipality the actor does not work for is
/// "not found" (its existence is not given away), a permission the actor's roles or seat do not carry is refused.
/// The database's query filters (<see cref="DataScope"/>) are the second line behind it.
/// </summary>
public sealed class AccessGate(OndermijningDbContext db, WorkflowCatalog catalog, TableSeating seating, AccessLog log)
{
    /// <summary>The case, if the actor works for its municipality and holds <paramref name="permission"/> for it as it stands.</summary>
    public async Task<Case> CaseAsync(CaseId id, Actor actor, Permission permission, CaseParts parts = CaseParts.Case,
        bool tracked = false, CancellationToken cancellationToken = default)
    {
        IQueryable<Case> cases = tracked ? db.Cases : db.Cases.AsNoTracking();
        if (parts != CaseParts.Case)
            cases = cases.Include(c => c.Persons).Include(c => c.Companies).Include(c => c.Addresses).AsSplitQuery();
        if (parts == CaseParts.Whole)
            cases = cases.Include(c => c.History.OrderBy(h => h.Sequence)).Include(c => c.Escalations.OrderBy(e => e.StageEntrySequence));
        var @case = await cases.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (@case is null || !actor.WorksFor(@case.Municipality)) throw CaseProblems.NotFound(id);
        Require(@case, actor, permission);
        // A tracked case is about to be changed and saved: it is never stripped, and what the command answers is read again.
        if (!tracked) await ShowAsync([@case], actor, cancellationToken);
        return @case;
    }

    /// <summary>How much of the case the actor sees at its present stage, by the definition's case gates.</summary>
    public CaseView ViewOf(Case @case, Actor actor) =>
        catalog.Get(@case.Definition).CaseGateAt(@case.Stage)?.ViewOf(actor) ?? CaseView.Content;

    /// <summary>
    /// Makes cases read without tracking fit for <paramref name="actor"/>: the content a case gate withholds is stripped,
    /// and every look at content behind a case gate is logged, as reads of gated items are.
    /// </summary>
    public async Task ShowAsync(IReadOnlyCollection<Case> cases, Actor actor, CancellationToken cancellationToken = default)
    {
        var entries = new List<AccessEntry>();
        foreach (var @case in cases)
        {
            if (catalog.Get(@case.Definition).CaseGateAt(@case.Stage) is not { } caseGate) continue;
            if (caseGate.ViewOf(actor) == CaseView.Content)
                entries.Add(new AccessEntry(actor, @case.Id, @case.Municipality, null, AccessAction.Read, ProcessingActivity.ReadCase,
                    @case.Stage.Value, $"zaakpoort {caseGate.Id}"));
            else @case.Withhold();
        }
        if (entries.Count > 0) await log.AppendAsync(entries, cancellationToken);
    }

    /// <summary>
    /// <paramref name="cases"/> without those a case gate hides from <paramref name="actor"/> altogether, as a condition the
    /// database evaluates, so lists, counts and pages never hold them.
    /// </summary>
    public IQueryable<Case> WithoutHidden(IQueryable<Case> cases, Actor actor) => Without(cases, actor, view => view == CaseView.Nothing);

    /// <summary>
    /// <paramref name="cases"/> whose content <paramref name="actor"/> sees at their stage, as a condition the database
    /// evaluates: what finds a case by its content (a name, an address) must neither show nor count the others.
    /// </summary>
    public IQueryable<Case> WithContent(IQueryable<Case> cases, Actor actor) => Without(cases, actor, view => view != CaseView.Content);

    private IQueryable<Case> Without(IQueryable<Case> cases, Actor actor, Func<CaseView, bool> left)
    {
        foreach (var definition in catalog.All)
        {
            var stages = definition.CaseGates.Where(g => left(g.ViewOf(actor))).SelectMany(g => g.Stages).ToList();
            if (stages.Count == 0) continue;
            var (workflow, version) = (definition.Key.Workflow, definition.Key.Version);
            cases = cases.Where(c => !(c.Workflow == workflow && c.DefinitionVersion == version && stages.Contains(c.Stage)));
        }
        return cases;
    }

    /// <summary>Refuses unless the actor holds <paramref name="permission"/> for the case as it stands now.</summary>
    public void Require(Case @case, Actor actor, Permission permission)
    {
        if (!actor.WorksFor(@case.Municipality) || ViewOf(@case, actor) == CaseView.Nothing) throw CaseProblems.NotFound(@case.Id);
        if (actor.Holds(permission, @case.Municipality, TableOf(@case), seating)) return;
        if (!actor.HasRoleFor(permission)) throw Refused(permission);
        var table = TableOf(@case)!;
        throw new EngineProblem(ProblemKind.Forbidden, "Your organisation does not sit at this table",
            $"The case is at the {table.Name}, where {@case.Municipality} does not seat your organisation; " +
            $"only the organisations seated there and the OOV regisseur work on it now.");
    }

    /// <summary>Whether the actor may do <paramref name="permission"/> on the case now, for pages that offer a control only when it works.</summary>
    public bool Allows(Case @case, Actor actor, Permission permission) =>
        actor.Holds(permission, @case.Municipality, TableOf(@case), seating);

    /// <summary>Refuses unless the actor's roles carry <paramref name="permission"/>; for what belongs to no case or municipality.</summary>
    public static void Require(Actor actor, Permission permission)
    {
        if (!actor.HasRoleFor(permission)) throw Refused(permission);
    }

    /// <summary>Refuses a municipality the actor does not work for as not found, then the permission as forbidden.</summary>
    public static void Require(Actor actor, Permission permission, MunicipalityCode municipality)
    {
        if (!actor.WorksFor(municipality))
            throw new EngineProblem(ProblemKind.NotFound, "Municipality not found",
                $"You do not work for municipality {municipality}, so there is nothing of it for you here.");
        Require(actor, permission);
    }

    /// <summary>Whether the actor may see the agenda of <paramref name="table"/> in <paramref name="municipality"/>.</summary>
    public bool MaySeeAgenda(Actor actor, MunicipalityCode municipality, TableDefinition table) =>
        actor.Holds(Permission.ReadAgenda, municipality, table, seating);

    /// <summary>The actor's municipalities whose <paramref name="table"/> agenda they may see.</summary>
    public IReadOnlySet<MunicipalityCode> AgendaMunicipalities(Actor actor, TableDefinition table) =>
        actor.Municipalities.Where(m => MaySeeAgenda(actor, m, table)).ToHashSet();

    public TableDefinition? TableOf(Case @case) => catalog.Get(@case.Definition).FindStage(@case.Stage)?.Table;

    private static EngineProblem Refused(Permission permission) =>
        new(ProblemKind.Forbidden, "You may not do this",
            $"Only {Permissions.Who(permission)} may {Describe(permission)}.");

    private static string Describe(Permission permission) => permission switch
    {
        Permission.ReadCase => "see cases",
        Permission.ReadReporter => "see who reported a signal",
        Permission.RegisterSignal => "register a signal",
        Permission.TakeStep => "move a case on",
        Permission.RaiseSeverity => "raise a case's severity",
        Permission.ReadInformation => "read the information on a case",
        Permission.AddInformation => "add information to a case",
        Permission.ExportCase => "export a case",
        Permission.RunEnrichment => "run the enrichment",
        Permission.AddFinding => "add open-source findings to a case",
        Permission.DecideEnrichment => "decide on the enrichment",
        Permission.WriteFeedback => "write feedback for the reporter",
        Permission.ReadAgenda => "see a table's agenda",
        Permission.RecordAtomInspection => "record an ATOM inspection",
        Permission.RecordIntervention => "record or change an intervention",
        Permission.ManageInterventionKinds => "add a kind of intervention",
        Permission.RecordEnforcement => "record Bibob screenings, closures, penalties, awareness activities and phenomenon studies",
        Permission.ReadEnforcement => "see Bibob screenings, closures, penalties, awareness activities and phenomenon studies",
        Permission.ReadPhenomenonProposals => "see phenomenon proposals",
        Permission.ReadStatistics => "read the statistics",
        Permission.ReadReports => "read the monthly reports",
        Permission.ReadOverdue => "see the overdue cases",
        Permission.ReadWorkflows => "see the workflow definitions",
        Permission.MigrateCases => "migrate cases to another version",
        Permission.ReadAccessLog => "read the access log",
        Permission.RunRetention => "run the retention",
        Permission.ReadJobs => "see the background jobs",
        _ => permission.ToString(),
    };
}

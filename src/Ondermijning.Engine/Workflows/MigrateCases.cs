using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Moves running cases from one definition version to another, of the same workflow or of another one. Which cases: one
/// case, or all cases at one stage. The mapping must name a target stage for every stage a selected case is in, and a
/// target severity for every severity level of a selected case that the target lacks.
/// </summary>
/// <param name="ToWorkflow">The target's workflow; null for a version of the same workflow.</param>
public sealed record MigrationRequest(
    WorkflowId Workflow,
    int FromVersion,
    WorkflowId? ToWorkflow,
    int ToVersion,
    MigrationSelection Selection,
    IReadOnlyDictionary<StageId, StageId> StageMapping,
    IReadOnlyDictionary<Severity, Severity> SeverityMapping,
    string Reason)
{
    public DefinitionKey From => new(Workflow, FromVersion);
    public DefinitionKey To => new(ToWorkflow ?? Workflow, ToVersion);
}

/// <summary>Which cases a migration moves: one case, or every case of the source version at one stage.</summary>
public sealed record MigrationSelection(CaseId? CaseId, StageId? Stage);

/// <summary>An information item that no gate of the target version would let anyone read: the protocol fails closed.</summary>
public sealed record ItemLosingGate(InformationItemId Item, InformationCategory Category, StageId AddedAtStage, string Gate);

/// <summary>A step already taken whose outcome (the LWO's route, an inspection, interventions, an enrichment verdict) the target version would not record for that step.</summary>
public sealed record OutcomeNotRecorded(int Sequence, TriggerId Trigger, StepRecord Records, LwoRoute? Route);

/// <summary>What migrating one case would do, before anything is changed.</summary>
/// <param name="TargetSeverity">The case's severity on the target: its own, or the one the severity mapping gives it.</param>
/// <param name="MissingSeverities">Severities of the case and its items that the target does not know and the mapping does not map.</param>
public sealed record CaseMigrationPlan(CaseId Case, StageId FromStage, StageId TargetStage, Severity TargetSeverity, IReadOnlyList<Severity> MissingSeverities,
    IReadOnlyList<ItemLosingGate> ItemsLosingGate, IReadOnlyList<OutcomeNotRecorded> OutcomesNotRecorded);

public sealed record MigrationDryRun(DefinitionKey From, DefinitionKey To, IReadOnlyList<CaseMigrationPlan> Cases);

/// <summary>
/// Plans, records and runs migrations. A request is checked and its cases are chosen at once, with the requester's access
/// (<see cref="RequestAsync"/>); the background job then moves them in batches (<see cref="RunAsync"/>), each batch with
/// its progress in one transaction, so a run that stops is taken up where it stopped.
/// </summary>
public sealed class MigrateCases(OndermijningDbContext db, WorkflowCatalog catalog, AccessGate gate, IClock clock)
{
    /// <summary>Cases saved together: progress shows between batches, and a conflict costs one batch's work.</summary>
    public const int BatchSize = 50;

    /// <summary>Checks the request, chooses its cases and records the migration as queued; nothing moves yet.</summary>
    public async Task<CaseMigration> RequestAsync(MigrationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var (_, target, cases) = await SelectAsync(request, actor, cancellationToken);
        var unmapped = cases.Select(c => c.Severity).Distinct().Where(s => !target.HasSeverity(s) && !request.SeverityMapping.ContainsKey(s)).ToList();
        if (unmapped.Count > 0)
            throw new EngineProblem(ProblemKind.RuleViolation, "The severity mapping is incomplete",
                $"Cases to migrate have severity level(s) {string.Join(", ", unmapped.Select(s => $"'{s}'"))}, which {target.Key} does not know. " +
                "Say for each of them which severity level of the target they get.",
                unmapped.ToDictionary(s => $"severityMapping.{s}", s => new[] { $"No severity level in {target.Key} for '{s}'." }));
        var id = Guid.NewGuid();
        var migration = new CaseMigration(id, request.From, target.Key, request.StageMapping, request.SeverityMapping, request.Reason.Trim(), actor,
            clock.GetCurrentInstant(), cases.Select((c, i) => new CaseMigrationCase(id, i, c.Id, c.Stage, request.StageMapping[c.Stage],
                TargetSeverity(c.Severity, request.SeverityMapping))));
        db.Add(migration);
        await db.SaveChangesAsync(cancellationToken);
        return migration;
    }

    /// <summary>The migration with its cases, for someone who works for every municipality it was requested for.</summary>
    public async Task<CaseMigration> FindAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var migration = await db.Set<CaseMigration>().AsNoTracking().Include(m => m.Cases.OrderBy(c => c.Position))
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (migration is null || !migration.Municipalities.All(m => actor.WorksFor(MunicipalityCode.Parse(m))))
            throw new EngineProblem(ProblemKind.NotFound, "Migration not found", $"There is no migration with id {id}.");
        AccessGate.Require(actor, Permission.MigrateCases);
        return migration;
    }

    /// <summary>Migrations a run has not finished: after a restart their queued job may be gone, the database still knows them.</summary>
    public async Task<IReadOnlyList<Guid>> UnfinishedAsync(CancellationToken cancellationToken = default) =>
        await db.Set<CaseMigration>().AsNoTracking().Where(m => m.Status != MigrationStatus.Done)
            .OrderBy(m => m.RequestedAt).Select(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Moves the migration's pending cases, a batch at a time, as its requester. Safe to run again and beside itself: a case
    /// already on the target is skipped, and a batch that meets a concurrent change is done again case by case.
    /// </summary>
    public async Task RunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var migration = await db.Set<CaseMigration>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (migration is null || migration.Status == MigrationStatus.Done) return;
        migration.Start(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var target = catalog.Get(migration.To);
            while (true)
            {
                // Each batch on a fresh unit of work: a migration of thousands of cases does not pile up in memory.
                db.ChangeTracker.Clear();
                migration = await db.Set<CaseMigration>().SingleAsync(m => m.Id == id, cancellationToken);
                var batch = await db.Set<CaseMigrationCase>().Where(c => c.MigrationId == id && c.Status == MigrationCaseStatus.Pending)
                    .OrderBy(c => c.Position).Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                try
                {
                    foreach (var item in batch) await MoveAsync(migration, item, target, cancellationToken);
                    await ProgressAsync(migration, cancellationToken);
                }
                catch (EngineProblem conflict) when (conflict.Kind == ProblemKind.Conflict)
                {
                    await OneByOneAsync(id, batch.Select(b => b.Position).ToList(), target, cancellationToken);
                }
            }
            migration.Finish(clock.GetCurrentInstant());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            var failed = await db.Set<CaseMigration>().SingleAsync(m => m.Id == id, CancellationToken.None);
            failed.Fail(clock.GetCurrentInstant(), e);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// After a conflict: each case of the batch alone, read afresh, so one case changed meanwhile does not hold up the
    /// others. A case that conflicts twice in a row fails the run, which the job's retry takes up later.
    /// </summary>
    private async Task OneByOneAsync(Guid id, List<int> positions, WorkflowDefinition target, CancellationToken cancellationToken)
    {
        foreach (var position in positions)
            for (var attempt = 1; ; attempt++)
            {
                db.ChangeTracker.Clear();
                var migration = await db.Set<CaseMigration>().SingleAsync(m => m.Id == id, cancellationToken);
                var item = await db.Set<CaseMigrationCase>().SingleAsync(c => c.MigrationId == id && c.Position == position, cancellationToken);
                if (item.Status != MigrationCaseStatus.Pending) break;
                try
                {
                    await MoveAsync(migration, item, target, cancellationToken);
                    await ProgressAsync(migration, cancellationToken);
                    break;
                }
                catch (EngineProblem conflict) when (conflict.Kind == ProblemKind.Conflict && attempt == 1)
                {
                }
            }
    }

    /// <summary>Saves the batch's cases with the migration's new count, in one transaction.</summary>
    private async Task ProgressAsync(CaseMigration migration, CancellationToken cancellationToken)
    {
        var done = await db.Set<CaseMigrationCase>().CountAsync(c => c.MigrationId == migration.Id && c.Status != MigrationCaseStatus.Pending, cancellationToken);
        var settled = db.ChangeTracker.Entries<CaseMigrationCase>()
            .Count(e => e.State == EntityState.Modified && e.Entity.MigrationId == migration.Id && e.Entity.Status != MigrationCaseStatus.Pending);
        migration.Progress(done + settled);
        await db.SaveCaseChangesAsync(cancellationToken);
    }

    /// <summary>One case, as the requester would move it now: still theirs to see, still where the migration found it.</summary>
    private async Task MoveAsync(CaseMigration migration, CaseMigrationCase item, WorkflowDefinition target, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == item.CaseId, cancellationToken);
        var requester = migration.Requester;
        if (@case is not null && @case.Definition == migration.To) item.Skipped();
        else if (@case is null || !requester.WorksFor(@case.Municipality) || gate.ViewOf(@case, requester) == CaseView.Nothing)
            item.Failed(MigrationFailure.NoLongerVisible);
        else if (@case.Definition != migration.From) item.Failed(MigrationFailure.OnAnotherVersion);
        else if (@case.Stage != item.FromStage) item.Failed(MigrationFailure.AtAnotherStage);
        else
        {
            @case.MigrateTo(migration.To, target.Stage(item.TargetStage), item.TargetSeverity, migration.Reason, clock.GetCurrentInstant(), requester);
            item.Migrated();
        }
    }

    private static Severity TargetSeverity(Severity severity, IReadOnlyDictionary<Severity, Severity> mapping) =>
        mapping.TryGetValue(severity, out var mapped) ? mapped : severity;

    /// <summary>
    /// The same request checked and planned without changing anything: per case the stage it would go to, its severities
    /// the target does not know (and the mapping does not map), the information items no gate of the target would open,
    /// and the outcomes of steps already taken that the target would not record for those steps.
    /// </summary>
    public async Task<MigrationDryRun> DryRunAsync(MigrationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var (source, target, cases) = await SelectAsync(request, actor, cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var items = (await db.Set<InformationItem>().AsNoTracking().Where(i => ids.Contains(i.CaseId)).ToListAsync(cancellationToken))
            .ToLookup(i => i.CaseId);
        var steps = (await db.CaseHistory.AsNoTracking()
                .Where(h => ids.Contains(h.CaseId) && h.Kind == HistoryKind.Transition && h.Workflow == source.Key.Workflow && h.DefinitionVersion == source.Key.Version)
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.CaseId);
        return new MigrationDryRun(source.Key, target.Key, cases.Select(@case => new CaseMigrationPlan(@case.Id, @case.Stage,
            request.StageMapping[@case.Stage],
            TargetSeverity(@case.Severity, request.SeverityMapping),
            new[] { @case.Severity }.Concat(items[@case.Id].Select(i => i.AddedAtSeverity)).Distinct()
                .Where(s => !target.HasSeverity(s) && !request.SeverityMapping.ContainsKey(s)).ToList(),
            items[@case.Id].Where(i => i.IsGated)
                .Select(i => (Item: i, Gate: source.GateFor(i.AddedAtStage, i.Category, i.AddedAtSeverity, i.AddedByOrganisation)))
                .Where(x => x.Gate is not null && (target.FindStage(x.Item.AddedAtStage) is null
                                                   || target.GateFor(x.Item.AddedAtStage, x.Item.Category, x.Item.AddedAtSeverity, x.Item.AddedByOrganisation) is null))
                .Select(x => new ItemLosingGate(x.Item.Id, x.Item.Category, x.Item.AddedAtStage, x.Gate!.Id)).ToList(),
            steps[@case.Id].OrderBy(h => h.Sequence).Select(h => Unrecorded(source, target, h)).OfType<OutcomeNotRecorded>().ToList())).ToList());
    }

    private static OutcomeNotRecorded? Unrecorded(WorkflowDefinition source, WorkflowDefinition target, CaseHistoryEntry step)
    {
        var taken = source.Transitions.FirstOrDefault(t => t.Trigger == step.Trigger && t.From == step.FromStage && t.To == step.ToStage);
        if (taken is null) return null;
        var (records, route) = (ChainSteps.Records(taken), LwoRoutes.RouteOf(taken));
        if (records == StepRecord.None && route is null) return null;
        var there = target.FindStage(taken.From) is null || target.FindStage(taken.To) is null
            ? null
            : target.Transitions.FirstOrDefault(t => t.Trigger == taken.Trigger && t.From == taken.From && t.To == taken.To);
        return there is not null && ChainSteps.Records(there) == records && LwoRoutes.RouteOf(there) == route
            ? null
            : new OutcomeNotRecorded(step.Sequence, taken.Trigger, records, route);
    }

    private async Task<(WorkflowDefinition Source, WorkflowDefinition Target, List<Case> Cases)> SelectAsync(MigrationRequest request, Actor actor,
        CancellationToken cancellationToken)
    {
        AccessGate.Require(actor, Permission.MigrateCases);

        var f = new Fields();
        f.Text(request.Reason, "reason", "Say why the cases move to another version.", Limits.Reason, TextKind.MultiLine);
        if (request.ToWorkflow is { } toWorkflow) f.Text(toWorkflow.Value, "toWorkflow", "Name the workflow the cases move to.", Limits.Code);
        if (request.From == request.To) f.Error("toVersion", "The target version must differ from the current one.");
        if (request.Selection.Stage is { } selected) f.Text(selected.Value, "stage", "Name the stage whose cases move.", Limits.Code);
        foreach (var (from, to) in request.StageMapping)
            if (f.OptionalText(from.Value, "stageMapping", Limits.Code) is not null)
                f.OptionalText(to.Value, $"stageMapping.{from}", Limits.Code);
        foreach (var (from, to) in request.SeverityMapping)
            if (f.OptionalText(from.Value, "severityMapping", Limits.Code) is not null)
                f.OptionalText(to.Value, $"severityMapping.{from}", Limits.Code);
        f.ThrowIfAny();

        var errors = new Dictionary<string, string[]>();

        var source = catalog.Get(request.From);
        if (catalog.Find(request.To) is not { } target)
            throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                [request.ToWorkflow is null ? "toVersion" : "toWorkflow"] = [$"There is no version {request.To.Version} of workflow '{request.To.Workflow}'."],
            });

        foreach (var (from, to) in request.StageMapping)
        {
            if (source.FindStage(from) is null)
                Add(errors, $"stageMapping.{from}", $"'{from}' is not a stage of {source.Key}.");
            if (target.FindStage(to) is null)
                Add(errors, $"stageMapping.{from}", $"'{to}' is not a stage of {target.Key}.");
        }
        foreach (var (from, to) in request.SeverityMapping)
        {
            if (!source.HasSeverity(from))
                Add(errors, $"severityMapping.{from}", $"'{from}' is not a severity level of {source.Key}.");
            if (!target.HasSeverity(to))
                Add(errors, $"severityMapping.{from}", $"'{to}' is not a severity level of {target.Key}.");
        }
        if (request.Selection.Stage is { } selectedStage && source.FindStage(selectedStage) is null)
            Add(errors, "stage", $"'{selectedStage}' is not a stage of {source.Key}.");
        if (errors.Count > 0)
            throw new EngineProblem(ProblemKind.Invalid, "The mapping names stages or severity levels that do not exist",
                "Every stage and severity level in the mapping must exist in its version; see 'errors'.", errors);

        // A case a case gate hides from the requester is not theirs to move, as a case of another municipality is not.
        var query = gate.WithoutHidden(db.Cases.VisibleTo(actor), actor).Where(c => c.Workflow == request.Workflow);
        if (request.Selection.CaseId is { } caseId)
        {
            query = query.Where(c => c.Id == caseId);
        }
        else
        {
            var stage = request.Selection.Stage ?? throw EngineProblem.Validation(new Dictionary<string, string[]>
            {
                ["caseId"] = ["Name one case, or a stage whose cases all move."],
            });
            query = query.Where(c => c.DefinitionVersion == request.FromVersion && c.Stage == stage);
        }

        var cases = await query.AsNoTracking().OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        if (request.Selection.CaseId is { } id)
        {
            var single = cases.SingleOrDefault() ?? throw new EngineProblem(ProblemKind.NotFound, "Case not found", $"There is no case with id {id}.");
            if (single.DefinitionVersion != request.FromVersion)
                throw new EngineProblem(ProblemKind.Conflict, "The case is on another version",
                    $"The case runs on {single.Definition}, not on {source.Key}.");
        }

        var unmapped = cases.Select(c => c.Stage).Distinct().Where(s => !request.StageMapping.ContainsKey(s)).ToList();
        if (unmapped.Count > 0)
            throw new EngineProblem(ProblemKind.RuleViolation, "The stage mapping is incomplete",
                $"Cases to migrate are at stage(s) {string.Join(", ", unmapped.Select(s => $"'{s}'"))}, which the mapping does not name. " +
                "Say for each of them which stage of the new version they go to.",
                unmapped.ToDictionary(s => $"stageMapping.{s}", s => new[] { $"No target stage in {target.Key} for '{s}'." }));

        return (source, target, cases);
    }

    private static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}

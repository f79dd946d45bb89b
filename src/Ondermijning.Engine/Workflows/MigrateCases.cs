using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Moves running cases from one definition version to another. Which cases: one case, or all cases
/// at one stage. The mapping must name a target stage for every stage a selected case is in.
/// </summary>
public sealed record MigrationRequest(
    WorkflowId Workflow,
    int FromVersion,
    int ToVersion,
    MigrationSelection Selection,
    IReadOnlyDictionary<StageId, StageId> StageMapping,
    string Reason);

/// <summary>Which cases a migration moves: one case, or every case of the source version at one stage.</summary>
public sealed record MigrationSelection(CaseId? CaseId, StageId? Stage);

public sealed record MigrationResult(DefinitionKey From, DefinitionKey To, IReadOnlyList<CaseId> MigratedCases);

/// <summary>An information item that no gate of the target version would let anyone read: the protocol fails closed.</summary>
public sealed record ItemLosingGate(InformationItemId Item, InformationCategory Category, StageId AddedAtStage, string Gate);

/// <summary>A step already taken whose outcome (the LWO's route, an inspection, interventions, an enrichment verdict) the target version would not record for that step.</summary>
public sealed record OutcomeNotRecorded(int Sequence, TriggerId Trigger, StepRecord Records, LwoRoute? Route);

/// <summary>What migrating one case would do, before anything is changed.</summary>
public sealed record CaseMigrationPlan(CaseId Case, StageId FromStage, StageId TargetStage, IReadOnlyList<Severity> MissingSeverities,
    IReadOnlyList<ItemLosingGate> ItemsLosingGate, IReadOnlyList<OutcomeNotRecorded> OutcomesNotRecorded);

public sealed record MigrationDryRun(DefinitionKey From, DefinitionKey To, IReadOnlyList<CaseMigrationPlan> Cases);

public sealed class MigrateCases(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    public async Task<MigrationResult> HandleAsync(MigrationRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var (source, target, cases) = await SelectAsync(request, actor, cancellationToken);
        var now = clock.GetCurrentInstant();
        foreach (var @case in cases)
            @case.MigrateTo(target.Key, target.Stage(request.StageMapping[@case.Stage]), request.Reason.Trim(), now, actor);
        await db.SaveCaseChangesAsync(cancellationToken);
        return new MigrationResult(source.Key, target.Key, cases.Select(c => c.Id).ToList());
    }

    /// <summary>
    /// The same request checked and planned without changing anything: per case the stage it would go to, its severities
    /// the target does not know, the information items no gate of the target would open, and the outcomes of steps already
    /// taken that the target would not record for those steps.
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
            new[] { @case.Severity }.Concat(items[@case.Id].Select(i => i.AddedAtSeverity)).Distinct().Where(s => !target.HasSeverity(s)).ToList(),
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
        if (request.FromVersion == request.ToVersion) f.Error("toVersion", "The target version must differ from the current one.");
        if (request.Selection.Stage is { } selected) f.Text(selected.Value, "stage", "Name the stage whose cases move.", Limits.Code);
        foreach (var (from, to) in request.StageMapping)
            if (f.OptionalText(from.Value, "stageMapping", Limits.Code) is not null)
                f.OptionalText(to.Value, $"stageMapping.{from}", Limits.Code);
        f.ThrowIfAny();

        var errors = new Dictionary<string, string[]>();

        var source = catalog.Get(new DefinitionKey(request.Workflow, request.FromVersion));
        var target = catalog.Get(new DefinitionKey(request.Workflow, request.ToVersion));

        foreach (var (from, to) in request.StageMapping)
        {
            if (source.FindStage(from) is null)
                Add(errors, $"stageMapping.{from}", $"'{from}' is not a stage of {source.Key}.");
            if (target.FindStage(to) is null)
                Add(errors, $"stageMapping.{from}", $"'{to}' is not a stage of {target.Key}.");
        }
        if (request.Selection.Stage is { } selectedStage && source.FindStage(selectedStage) is null)
            Add(errors, "stage", $"'{selectedStage}' is not a stage of {source.Key}.");
        if (errors.Count > 0)
            throw new EngineProblem(ProblemKind.Invalid, "The stage mapping names stages that do not exist",
                "Every stage in the mapping must exist in its version; see 'errors'.", errors);

        var query = db.Cases.VisibleTo(actor).Where(c => c.Workflow == request.Workflow);
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

        var cases = await query.ToListAsync(cancellationToken);
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

using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
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

public sealed class MigrateCases(OndermijningDbContext db, WorkflowCatalog catalog, IClock clock)
{
    public async Task<MigrationResult> HandleAsync(MigrationRequest request, Actor actor, CancellationToken cancellationToken = default)
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

        var now = clock.GetCurrentInstant();
        foreach (var @case in cases)
            @case.MigrateTo(target.Key, target.Stage(request.StageMapping[@case.Stage]), request.Reason.Trim(), now, actor);
        await db.SaveCaseChangesAsync(cancellationToken);
        return new MigrationResult(source.Key, target.Key, cases.Select(c => c.Id).ToList());
    }

    private static void Add(Dictionary<string, string[]> errors, string key, string message) =>
        errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
}

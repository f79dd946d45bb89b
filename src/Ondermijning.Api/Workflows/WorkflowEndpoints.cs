using System.Text;
using System.Text.Json;
using AutoMapper;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Jobs;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

/// <param name="ToWorkflow">The workflow the cases move to; left out, a version of their own workflow.</param>
/// <param name="SeverityMapping">Per severity level of the cases that the target lacks, the target's level they get.</param>
public sealed record MigrateCasesRequest(int? FromVersion, int? ToVersion, string? CaseId, [property: WorkflowChoice(WorkflowTerm.Stage)] string? Stage,
    Dictionary<string, string>? StageMapping, string? Reason, string? ToWorkflow = null, Dictionary<string, string>? SeverityMapping = null);

public static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/", List).Requires(Permission.ReadWorkflows).WithSummary("All workflow definitions and their versions.");
        group.MapGet("/{workflow}/versions/{version:int}", Get).Requires(Permission.ReadWorkflows).WithSummary("One definition version.").ProducesProblem(404);
        group.MapGet("/{workflow}/versions/{version:int}/diagram", Diagram).Requires(Permission.ReadWorkflows)
            .WithSummary("One definition version as a Mermaid state diagram (text/vnd.mermaid).").ProducesProblem(404);
        group.MapPost("/{workflow}/versions", CreateDraft).Requires(Permission.PublishWorkflows)
            .Accepts<JsonElement>("application/json")
            .WithSummary("Write a new version as a draft: the body is the definition (as in workflows/). Every problem is answered at once, with its path and line.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        group.MapPut("/{workflow}/versions/{version:int}", EditDraft).Requires(Permission.PublishWorkflows)
            .Accepts<JsonElement>("application/json")
            .WithSummary("Replace a draft that is not published yet.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{workflow}/versions/{version:int}/publish", Publish).Requires(Permission.PublishWorkflows)
            .WithSummary("Publish a draft from a date: in force on every instance at once, and never changed again.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{workflow}/migrations", Migrate).Requires(Permission.MigrateCases)
            .WithSummary("Move one case, or all cases at a stage, to another version (of this or another workflow) with a stage mapping.")
            .WithDescription("Answers 202 Accepted with the recorded migration at its Location (`/api/migrations/{id}`): a background job " +
                "moves the cases in batches, recording the migration in each case's history; a case already on the target is skipped. " +
                "With `toWorkflow` the cases move to a version of another workflow; `severityMapping` gives every severity level of the " +
                "cases that the target lacks a level of the target. With `dryRun=true` nothing changes: the answer lists per case the " +
                "stage and severity it would get, its severities the target version does not know, the information items no gate of the " +
                "target would open (they would become unreadable), and the outcomes of steps already taken that the target would not " +
                "record for those steps.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return api;
    }

    private static Ok<List<WorkflowVersionSummaryDto>> List(WorkflowCatalog catalog, IMapper mapper) =>
        TypedResults.Ok(mapper.Map<List<WorkflowVersionSummaryDto>>(catalog.All));

    private static async Task<Ok<WorkflowDefinitionDto>> Get(string workflow, int version, WorkflowPublishing publishing, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<WorkflowDefinitionDto>(await publishing.ViewAsync(new DefinitionKey(new WorkflowId(workflow), version),
            http.User.ToActor(), cancellationToken)));

    private static async Task<Created<WorkflowDefinitionDto>> CreateDraft(string workflow, JsonElement definition, WorkflowPublishing publishing,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await SaveAsync(workflow, null, definition, publishing, http, cancellationToken);
        return TypedResults.Created($"/api/workflows/{outcome.Definition.Key.Workflow}/versions/{outcome.Definition.Key.Version}",
            mapper.Map<WorkflowDefinitionDto>(outcome));
    }

    private static async Task<Ok<WorkflowDefinitionDto>> EditDraft(string workflow, int version, JsonElement definition, WorkflowPublishing publishing,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<WorkflowDefinitionDto>(await SaveAsync(workflow, version, definition, publishing, http, cancellationToken)));

    /// <summary>The body as written (<see cref="JsonElement.GetRawText"/> keeps its lines), so a problem's line is the author's line.</summary>
    private static async Task<WorkflowVersionView> SaveAsync(string workflow, int? version, JsonElement definition, WorkflowPublishing publishing,
        HttpContext http, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var outcome = await publishing.SaveAsync(new WorkflowId(workflow), version, Encoding.UTF8.GetBytes(definition.GetRawText()), actor, cancellationToken);
        if (!outcome.Valid) throw DraftRefused(outcome.Errors);
        var key = new DefinitionKey(outcome.Stored!.Workflow, outcome.Stored.Version);
        return await publishing.ViewAsync(key, actor, cancellationToken);
    }

    private static EngineProblem DraftRefused(IReadOnlyList<DefinitionError> errors) =>
        new(ProblemKind.Invalid, "The definition is not valid",
            $"The draft has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}, each listed under 'errors' by its path, with its line; nothing was stored.",
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Line is { } line ? $"line {line}: {e.Problem}" : e.Problem).ToArray()));

    private static async Task<Ok<WorkflowDefinitionDto>> Publish(string workflow, int version, PublishVersionRequest request,
        WorkflowPublishing publishing, IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var f = new RequestFields();
        var appliesFrom = f.Date(request.AppliesFrom, "appliesFrom", "the day from which the version applies");
        f.ThrowIfAny();
        var actor = http.User.ToActor();
        var published = await publishing.PublishAsync(new WorkflowId(workflow), version, appliesFrom, actor, cancellationToken);
        return TypedResults.Ok(mapper.Map<WorkflowDefinitionDto>(await publishing.ViewAsync(published.Key, actor, cancellationToken)));
    }

    private static ContentHttpResult Diagram(string workflow, int version, WorkflowCatalog catalog) =>
        TypedResults.Text(MermaidDiagram.Render(catalog.Get(new DefinitionKey(new WorkflowId(workflow), version))), "text/vnd.mermaid; charset=utf-8");

    private static async Task<Results<Accepted<MigrationDto>, Ok<MigrationDryRunDto>>> Migrate(string workflow, MigrateCasesRequest request,
        bool? dryRun, MigrateCases handler, IBackgroundJobClient jobs, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.FromVersion is null) errors["fromVersion"] = ["Say which version the cases are on now."];
        if (request.ToVersion is null) errors["toVersion"] = ["Say which version the cases move to."];
        if (request.CaseId is null == request.Stage is null) errors["caseId"] = ["Name either one case (caseId) or one stage (stage), not both."];
        if (request.StageMapping is null || request.StageMapping.Count == 0) errors["stageMapping"] = ["Say for each current stage which stage of the new version it becomes."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors);

        var selection = new MigrationSelection(
            request.CaseId is null ? null : CaseEndpoints.ParseId(request.CaseId),
            request.Stage is null ? null : new StageId(request.Stage));
        var migration = new MigrationRequest(new WorkflowId(workflow), request.FromVersion!.Value,
            request.ToWorkflow is null ? null : new WorkflowId(request.ToWorkflow), request.ToVersion!.Value, selection,
            request.StageMapping!.ToDictionary(kv => new StageId(kv.Key), kv => new StageId(kv.Value)),
            (request.SeverityMapping ?? []).ToDictionary(kv => new Severity(kv.Key), kv => new Severity(kv.Value)), request.Reason ?? "");
        var actor = http.User.ToActor();
        if (dryRun == true)
            return TypedResults.Ok(MigrationDryRunDto.From(await handler.DryRunAsync(migration, actor, cancellationToken)));
        var recorded = await handler.RequestAsync(migration, actor, cancellationToken);
        MigrationJobs.Enqueue(jobs, recorded.Id);
        return TypedResults.Accepted($"/api/migrations/{recorded.Id}", MigrationDto.From(recorded));
    }

    private static async Task<Ok<MigrationDto>> GetMigration(string id, MigrateCases migrations, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(MigrationDto.From(await migrations.FindAsync(Guid.TryParse(id, out var guid) ? guid : Guid.Empty, http.User.ToActor(),
            cancellationToken)));

    public static RouteGroupBuilder MapMigrationEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/migrations/{id}", GetMigration).Requires(Permission.MigrateCases).WithTags("Workflows")
            .WithSummary("One migration: what it moves where, its status (queued, running, done, failed) and its progress, with the reason of every case it could not move.")
            .ProducesProblem(403).ProducesProblem(404);
        return api;
    }
}

public static class PublishedVersionsMiddleware
{
    /// <summary>A version published on another instance is in force here from the next request on (see <see cref="PublishedVersionsSync"/>).</summary>
    public static IApplicationBuilder UsePublishedVersions(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            await http.RequestServices.GetRequiredService<PublishedVersionsSync>().CatchUpAsync(http.RequestAborted);
            await next(http);
        });
}

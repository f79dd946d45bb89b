using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

public sealed record MigrateCasesRequest(int? FromVersion, int? ToVersion, string? CaseId, [property: WorkflowChoice(WorkflowTerm.Stage)] string? Stage,
    Dictionary<string, string>? StageMapping, string? Reason);

public static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflows").WithTags("Workflows");
        group.MapGet("/", List).Requires(Permission.ReadWorkflows).WithSummary("All workflow definitions and their versions.");
        group.MapGet("/{workflow}/versions/{version:int}", Get).Requires(Permission.ReadWorkflows).WithSummary("One definition version.").ProducesProblem(404);
        group.MapGet("/{workflow}/versions/{version:int}/diagram", Diagram).Requires(Permission.ReadWorkflows)
            .WithSummary("One definition version as a Mermaid state diagram (text/vnd.mermaid).").ProducesProblem(404);
        group.MapPost("/{workflow}/migrations", Migrate).Requires(Permission.MigrateCases)
            .WithSummary("Move one case, or all cases at a stage, to another version with a stage mapping.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return api;
    }

    private static Ok<List<WorkflowVersionSummaryDto>> List(WorkflowCatalog catalog, IMapper mapper) =>
        TypedResults.Ok(mapper.Map<List<WorkflowVersionSummaryDto>>(catalog.All));

    private static Ok<WorkflowDefinitionDto> Get(string workflow, int version, WorkflowCatalog catalog, IMapper mapper) =>
        TypedResults.Ok(mapper.Map<WorkflowDefinitionDto>(catalog.Get(new DefinitionKey(new WorkflowId(workflow), version))));

    private static ContentHttpResult Diagram(string workflow, int version, WorkflowCatalog catalog) =>
        TypedResults.Text(MermaidDiagram.Render(catalog.Get(new DefinitionKey(new WorkflowId(workflow), version))), "text/vnd.mermaid; charset=utf-8");

    private static async Task<Ok<MigrationResultDto>> Migrate(string workflow, MigrateCasesRequest request, MigrateCases handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
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
        var result = await handler.HandleAsync(new MigrationRequest(new WorkflowId(workflow), request.FromVersion!.Value, request.ToVersion!.Value,
            selection, request.StageMapping!.ToDictionary(kv => new StageId(kv.Key), kv => new StageId(kv.Value)), request.Reason ?? ""),
            http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(mapper.Map<MigrationResultDto>(result));
    }
}

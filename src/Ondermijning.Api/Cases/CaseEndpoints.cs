using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Problems;
using Ondermijning.Api.Access;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Cases;

/// <param name="TakenAt">When the step was taken, if earlier (on paper): as <see cref="MomentRule"/> reads it; not in the future,
/// not before the signal was received or the case's previous step.</param>
public sealed record FireTriggerRequest([property: WorkflowChoice(WorkflowTerm.Trigger)] string? Trigger, string? Reason = null, Dictionary<string, string>? Information = null,
    int? ExpectedRevision = null, [property: IsoDateTime] string? TakenAt = null);

public sealed record CaseListQuery(string? Stage, string? Municipality, string? Workflow, int? Version, string? ReceivedFrom,
    string? ReceivedTo, int? Page, int? PageSize);

/// <summary>Builds case answers: the case as its reader may see it (<see cref="CaseView"/>), mapped.</summary>
public sealed class CaseResponder(IMapper mapper, WorkflowCatalog catalog, CaseQueries queries, CaseInformation information, AccessGate gate)
{
    /// <summary>The case as this user may see it; reading its gated items is logged as <paramref name="action"/>.</summary>
    public async Task<CaseDetailDto> DetailAsync(Case @case, Actor actor, AccessAction action, CancellationToken cancellationToken) =>
        mapper.Map<CaseDetailDto>(View(@case, actor, await information.ReadAsync(@case, actor, action, cancellationToken)));

    /// <summary>The case as <see cref="DetailAsync"/> gives it, with the items it read (and logged) for it.</summary>
    public async Task<(CaseDetailDto Detail, VisibleInformation Read)> DetailWithInformationAsync(Case @case, Actor actor, CancellationToken cancellationToken)
    {
        var read = await information.ReadAsync(@case, actor, AccessAction.Read, cancellationToken);
        return (mapper.Map<CaseDetailDto>(View(@case, actor, read)), read);
    }

    /// <summary>A case this request has just registered: nobody can have added information to it yet, so none is read.</summary>
    public RegisteredSignalDto Registered(Case @case, Actor actor, ReceiptCode? receipt) =>
        mapper.Map<RegisteredSignalDto>(new RegisteredCase(View(@case, actor, VisibleInformation.None), receipt));

    public CaseSummaryDto Summary(Case @case) => mapper.Map<CaseSummaryDto>(new DefinedCase(@case, catalog.Get(@case.Definition)));

    private CaseView View(Case @case, Actor actor, VisibleInformation visible) =>
        new(@case, catalog.Get(@case.Definition), queries.AvailableSteps(@case, actor), visible,
            new CaseViewRights(gate.Allows(@case, actor, Permission.ReadReporter), gate.Allows(@case, actor, Permission.ReadInformation)));
}

public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases").WithTags("Cases");
        group.MapGet("/", List).Requires(Permission.ReadCase).WithSummary("List cases, filtered and paged, newest first.").ProducesValidationProblem();
        group.MapGet("/{id}", Get).Requires(Permission.ReadCase).WithSummary("One case with its history and the steps available now.").ProducesProblem(404);
        group.MapPost("/{id}/transitions", Fire).Requires(Permission.TakeStep)
            .WithSummary("Take a step (fire a trigger) on a case.")
            .ProducesValidationProblem()
            .ProducesProblem(404).ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
        return api;
    }

    // The query's values are the handler's own parameters, not an [AsParameters] record: the request delegate generator
    // writes such a record's constructor with typeof(string?), which does not compile.
    private static async Task<Ok<CasePageDto>> List([WorkflowChoice(WorkflowTerm.Stage)] string? stage, string? municipality, string? workflow,
        int? version, [IsoDate] string? receivedFrom, [IsoDate] string? receivedTo, int? page, int? pageSize, CaseQueries queries,
        CaseResponder responder, HttpContext http, CancellationToken cancellationToken)
    {
        var filter = ToFilter(new CaseListQuery(stage, municipality, workflow, version, receivedFrom, receivedTo, page, pageSize));
        var found = await queries.ListAsync(filter, http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(new CasePageDto
        {
            Items = found.Items.Select(responder.Summary).ToList(),
            Page = found.PageNumber,
            PageSize = found.PageSize,
            TotalCount = found.TotalCount,
        });
    }

    private static async Task<Ok<CaseDetailDto>> Get(string id, CaseQueries queries, CaseResponder responder, HttpContext http,
        CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var @case = await queries.GetAsync(ParseId(id), actor, cancellationToken);
        return TypedResults.Ok(await responder.DetailAsync(@case, actor, AccessAction.Read, cancellationToken));
    }

    private static async Task<Ok<CaseDetailDto>> Fire(string id, FireTriggerRequest request, FireTrigger handler, CaseQueries queries,
        CaseResponder responder, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = ParseId(id);
        var f = new RequestFields();
        var trigger = f.Text(request.Trigger, "trigger", "Say which step to take.", Limits.Code);
        var takenAt = f.OptionalMoment(request.TakenAt, "takenAt");
        f.ThrowIfAny();

        var actor = http.User.ToActor();
        await handler.HandleAsync(caseId,
            new TriggerRequest(new TriggerId(trigger), request.Reason, request.Information ?? [], takenAt),
            request.ExpectedRevision, actor, cancellationToken);
        return TypedResults.Ok(await responder.DetailAsync(await queries.GetAsync(caseId, actor, cancellationToken), actor, AccessAction.Read, cancellationToken));
    }

    internal static CaseId ParseId(string id) => CaseId.TryParse(id, out var caseId)
        ? caseId
        : throw new EngineProblem(ProblemKind.NotFound, "Case not found", $"'{id}' is not a case id.");

    private static CaseFilter ToFilter(CaseListQuery query)
    {
        var f = new RequestFields();
        MunicipalityCode? municipality = query.Municipality is null ? null : f.Municipality(query.Municipality);
        var stage = f.OptionalText(query.Stage, "stage", Limits.Code);
        var workflow = f.OptionalText(query.Workflow, "workflow", Limits.Code);
        // Within the date rule's range, so that the end of the last day still is an instant (9999-12-31 was not).
        var from = f.OptionalDate(query.ReceivedFrom, "receivedFrom");
        var to = f.OptionalDate(query.ReceivedTo, "receivedTo");
        if (from > to) f.Error("receivedTo", "The end of the period lies before its start.");
        var page = query.Page ?? 1;
        if (page < 1) f.Error("page", "Pages are numbered from 1.");
        var size = query.PageSize ?? 25;
        if (size is < 1 or > CaseQueries.MaxPageSize) f.Error("pageSize", $"A page holds 1 to {CaseQueries.MaxPageSize} cases.");
        f.ThrowIfAny();

        return new CaseFilter(stage is null ? null : new StageId(stage), municipality, workflow is null ? null : new WorkflowId(workflow),
            query.Version, from, to, page, size);
    }
}

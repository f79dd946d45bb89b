using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Engine;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Mot;

public sealed record RecordInterventionRequest(string? Subtype, string? ExecutingOrganisation,
    [property: Choice(typeof(InterventionType))] string? Type = null, [property: IsoDate] string? DecidedOn = null,
    [property: IsoDate] string? PlannedFor = null, string? Note = null)
{
    public InterventionDetails ToDetails()
    {
        var f = new RequestFields();
        var subtype = f.Text(Subtype, "subtype", "Say which kind of intervention (see GET /api/intervention-subtypes).", Limits.Code);
        var organisation = f.Text(ExecutingOrganisation, "executingOrganisation", "Say which organisation carries it out.", Limits.Name);
        var type = f.OptionalChoice<InterventionType>(Type, "type", "the type");
        var decided = f.OptionalDate(DecidedOn, "decidedOn");
        var planned = f.OptionalDate(PlannedFor, "plannedFor");
        var note = f.OptionalText(Note, "note", Limits.Note, TextKind.MultiLine);
        f.ThrowIfAny();
        return new InterventionDetails(type, subtype.ToLowerInvariant(), organisation, decided, planned, note);
    }
}

/// <param name="Status">executed or dropped.</param>
public sealed record ChangeInterventionStatusRequest(
    [property: Choice(typeof(InterventionStatus), nameof(InterventionStatus.Executed), nameof(InterventionStatus.Dropped))] string? Status,
    [property: IsoDate] string? Date = null, string? Note = null);

public sealed record AddInterventionSubtypeRequest(string? Code, [property: Choice(typeof(InterventionType))] string? Type, string? Label);

public sealed class InterventionDto
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public string Municipality { get; init; } = "";
    /// <summary>bestuurlijk, strafrechtelijk or fiscaal.</summary>
    public string Type { get; init; } = "";
    public string SubtypeCode { get; init; } = "";
    public string ExecutingOrganisation { get; init; } = "";
    /// <summary>planned, executed or dropped.</summary>
    public string Status { get; init; } = "";
    public LocalDate DecidedOn { get; init; }
    public LocalDate? PlannedFor { get; init; }
    public LocalDate? ExecutedOn { get; init; }
    public LocalDate? DroppedOn { get; init; }
    public string? Note { get; init; }
}

public sealed class InterventionSubtypeDto
{
    public string Code { get; init; } = "";
    public string Type { get; init; } = "";
    public string Label { get; init; } = "";
    public bool BuiltIn { get; init; }
}

public static class InterventionEndpoints
{
    public static RouteGroupBuilder MapInterventionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{id}/interventions").WithTags("MOT");
        group.MapPost("/", Record).Requires(Permission.RecordIntervention).WithSummary("Record an intervention the MOT decided on (status: planned).")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("/", List).Requires(Permission.ReadInformation).WithSummary("The interventions of a case.").ProducesProblem(404);
        group.MapGet("/{interventionId}", Get).Requires(Permission.ReadInformation).WithSummary("One intervention of a case.").ProducesProblem(404);
        group.MapPatch("/{interventionId}", ChangeStatus).Requires(Permission.RecordIntervention).WithSummary("Mark an intervention executed or dropped.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        var subtypes = api.MapGroup("/intervention-subtypes").WithTags("MOT");
        subtypes.MapGet("/", Subtypes).Requires(Permission.ReadCase).WithSummary("The kinds of intervention per type.");
        subtypes.MapGet("/{code}", Subtype).Requires(Permission.ReadCase).WithSummary("One kind of intervention.").ProducesProblem(404);
        subtypes.MapPost("/", AddSubtype).Requires(Permission.ManageInterventionKinds).WithSummary("Add a kind of intervention.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);
        return api;
    }

    private static async Task<Created<InterventionDto>> Record(string id, RecordInterventionRequest request, RecordIntervention handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = CaseEndpoints.ParseId(id);
        var intervention = await handler.HandleAsync(caseId, request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/interventions/{intervention.Id}", mapper.Map<InterventionDto>(intervention));
    }

    private static async Task<Ok<List<InterventionDto>>> List(string id, RecordIntervention handler, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<InterventionDto>>(await handler.ListAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));

    private static async Task<Ok<InterventionDto>> Get(string id, string interventionId, ChainRecords records, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<InterventionDto>(await records.InterventionAsync(CaseEndpoints.ParseId(id),
            new InterventionId(RecordRoutes.Id(interventionId, "Intervention")), http.User.ToActor(), cancellationToken)));

    private static async Task<Ok<InterventionSubtypeDto>> Subtype(string code, ChainRecords records, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<InterventionSubtypeDto>(await records.SubtypeAsync(code, http.User.ToActor(), cancellationToken)));

    private static async Task<Ok<InterventionDto>> ChangeStatus(string id, string interventionId, ChangeInterventionStatusRequest request,
        RecordIntervention handler, IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = CaseEndpoints.ParseId(id);
        if (!InterventionId.TryParse(interventionId, out var intervention))
            throw new EngineProblem(ProblemKind.NotFound, "Intervention not found", $"'{interventionId}' is not an intervention id.");
        var f = new RequestFields();
        var status = f.Choice<InterventionStatus>(request.Status, "status", "the new status");
        var date = f.OptionalDate(request.Date, "date");
        var note = f.OptionalText(request.Note, "note", Limits.Note, TextKind.MultiLine);
        f.ThrowIfAny();
        var changed = await handler.ChangeStatusAsync(caseId, intervention, status, date, note, http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(mapper.Map<InterventionDto>(changed));
    }

    private static async Task<Ok<List<InterventionSubtypeDto>>> Subtypes(RecordIntervention handler, IMapper mapper, CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<InterventionSubtypeDto>>(await handler.SubtypesAsync(cancellationToken)));

    private static async Task<Created<InterventionSubtypeDto>> AddSubtype(AddInterventionSubtypeRequest request, RecordIntervention handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var f = new RequestFields();
        var type = f.OptionalChoice<InterventionType>(request.Type, "type", "the type");
        f.ThrowIfAny();
        var subtype = await handler.AddSubtypeAsync(request.Code, type, request.Label, http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/intervention-subtypes/{subtype.Code}", mapper.Map<InterventionSubtypeDto>(subtype));
    }
}

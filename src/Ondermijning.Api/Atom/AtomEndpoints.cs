using System.ComponentModel.DataAnnotations;
using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Engine;
using Ondermijning.Engine.Atom;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Atom;

/// <param name="Outcomes">last-onder-dwangsom, handhaving-wabo, sociale-recherche, overig (then <paramref name="OtherOutcome"/> says what).</param>
public sealed record RecordAtomInspectionRequest(string? Location, [property: IsoDate] string? InspectedOn = null,
    [property: Required] IReadOnlyList<string>? Organisations = null,
    [property: Choice(typeof(AtomOutcome))] IReadOnlyList<string>? Outcomes = null, string? OtherOutcome = null)
{
    public AtomInspectionDetails ToDetails()
    {
        var f = new RequestFields();
        var location = f.Text(Location, "location", "Say which location was inspected.", Limits.Location);
        var date = f.OptionalDate(InspectedOn, "inspectedOn");
        var organisations = f.TextList(Organisations, "organisations", Limits.Name);
        if (organisations.Count == 0 && !f.Any) f.Error("organisations", "Name the organisations that took part (police, Handhaving Wabo, …).");
        var outcomes = new HashSet<AtomOutcome>();
        foreach (var (text, i) in (Outcomes ?? []).Select((o, i) => (o, i)))
            if (f.OptionalChoice<AtomOutcome>(text, $"outcomes[{i}]", "the outcome") is { } outcome) outcomes.Add(outcome);
        var other = f.OptionalText(OtherOutcome, "otherOutcome", Limits.OtherOutcome, TextKind.MultiLine);
        if (outcomes.Contains(AtomOutcome.Overig) && other is null) f.Error("otherOutcome", "Describe the other outcome.");
        if (!outcomes.Contains(AtomOutcome.Overig) && other is not null) f.Error("outcomes", "Add 'overig' to the outcomes when describing another outcome.");
        f.ThrowIfAny();
        return new AtomInspectionDetails(location, date, organisations, outcomes, other);
    }
}

public sealed class AtomInspectionDto
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public string Municipality { get; init; } = "";
    public string? Location { get; init; }
    public LocalDate InspectedOn { get; init; }
    public IReadOnlyList<string> Organisations { get; init; } = [];
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public string? OtherOutcome { get; init; }
    public Instant RecordedAt { get; init; }
}

public static class AtomEndpoints
{
    public static RouteGroupBuilder MapAtomEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/cases/{id}/atom-inspections").WithTags("ATOM");
        group.MapPost("/", Record).Requires(Permission.RecordAtomInspection).WithSummary("Record an integrated ATOM inspection of a location, with its outcomes.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/", List).Requires(Permission.ReadInformation).WithSummary("The ATOM inspections of a case.").ProducesProblem(404);
        group.MapGet("/{inspectionId}", Get).Requires(Permission.ReadInformation).WithSummary("One ATOM inspection of a case.").ProducesProblem(404);
        return api;
    }

    private static async Task<Created<AtomInspectionDto>> Record(string id, RecordAtomInspectionRequest request, RecordAtomInspection handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        var caseId = CaseEndpoints.ParseId(id);
        var inspection = await handler.HandleAsync(caseId, request.ToDetails(), http.User.ToActor(), cancellationToken);
        return TypedResults.Created($"/api/cases/{caseId}/atom-inspections/{inspection.Id}", mapper.Map<AtomInspectionDto>(inspection));
    }

    private static async Task<Ok<List<AtomInspectionDto>>> List(string id, RecordAtomInspection handler, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<AtomInspectionDto>>(await handler.ListAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));

    private static async Task<Ok<AtomInspectionDto>> Get(string id, string inspectionId, ChainRecords records, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<AtomInspectionDto>(await records.AtomInspectionAsync(CaseEndpoints.ParseId(id),
            new AtomInspectionId(RecordRoutes.Id(inspectionId, "ATOM inspection")), http.User.ToActor(), cancellationToken)));
}

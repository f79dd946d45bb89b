using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Lwo;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Lwo;

public sealed class LwoDecisionDto
{
    public Guid Id { get; init; }
    public Guid CaseId { get; init; }
    public string Municipality { get; init; } = "";
    /// <summary>politie, handhaving-wabo, handhaving-openbare-ruimte, ketenpartner, atom, mot or geen-vervolg.</summary>
    public string Route { get; init; } = "";
    public string? ChainPartner { get; init; }
    public string? Reason { get; init; }
    public LocalDate MeetingDate { get; init; }
    public Instant DecidedAt { get; init; }
    public string Trigger { get; init; } = "";
}

public static class LwoEndpoints
{
    public static RouteGroupBuilder MapLwoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/{id}/lwo-decisions", List).Requires(Permission.ReadInformation).WithTags("LWO")
            .WithSummary("The LWO's decisions on a case: recorded when a step that carries one out is taken (see README).")
            .ProducesProblem(404);
        return api;
    }

    private static async Task<Ok<List<LwoDecisionDto>>> List(string id, LwoDecisions decisions, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(mapper.Map<List<LwoDecisionDto>>(await decisions.OfAsync(CaseEndpoints.ParseId(id), http.User.ToActor(), cancellationToken)));
}

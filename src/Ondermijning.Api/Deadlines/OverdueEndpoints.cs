using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Mapping;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Deadlines;

public sealed class OverdueCaseDto
{
    public Guid Id { get; init; }
    public string Municipality { get; init; } = "";
    public StageDto Stage { get; init; } = new();
    public Instant StageEnteredAt { get; init; }
    public Instant DueAt { get; init; }
    /// <summary>When the escalation job recorded this stay as overdue; null until it has run.</summary>
    public Instant? EscalatedAt { get; init; }
}

public static class OverdueEndpoints
{
    public static RouteGroupBuilder MapOverdueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/overdue", List).Requires(Permission.ReadOverdue)
            .WithTags("Cases")
            .WithSummary("Overdue cases the current user can act on (a step from their stage is open to the user's roles), most overdue first.");
        return api;
    }

    private static async Task<Ok<List<OverdueCaseDto>>> List(OverdueCases overdue, WorkflowCatalog catalog, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await overdue.ForAsync(http.User.ToActor(), cancellationToken))
            .Select(c => mapper.Map<OverdueCaseDto>(c, o => o.Items[ApiMappingProfile.DefinitionItem] = catalog.Get(c.Definition)))
            .ToList());
}

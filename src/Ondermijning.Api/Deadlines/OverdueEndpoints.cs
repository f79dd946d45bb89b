using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
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

public sealed class OverdueCasePageDto
{
    public IReadOnlyList<OverdueCaseDto> Items { get; init; } = [];
    public int Page { get; init; }
    public int PageSize { get; init; }
    /// <summary>How many overdue cases the user can act on in all, on every page.</summary>
    public int TotalCount { get; init; }
}

public static class OverdueEndpoints
{
    public const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapOverdueEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/overdue", List).Requires(Permission.ReadOverdue)
            .WithTags("Cases")
            .WithSummary("Overdue cases the current user can act on (a step from their stage is open to the user's roles), most overdue first, paged.")
            .WithDescription($"page counts from 1; pageSize is 1 to {OverdueCases.MaxPageSize} (default {DefaultPageSize}); totalCount says how many there are in all.")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Ok<OverdueCasePageDto>> List(int? page, int? pageSize, OverdueCases overdue, WorkflowCatalog catalog, IMapper mapper,
        HttpContext http, CancellationToken cancellationToken)
    {
        var found = await overdue.PageAsync(http.User.ToActor(), page ?? 1, pageSize ?? DefaultPageSize, cancellationToken);
        return TypedResults.Ok(new OverdueCasePageDto
        {
            Items = found.Items.Select(c => mapper.Map<OverdueCaseDto>(new DefinedCase(c, catalog.Get(c.Definition)))).ToList(),
            Page = found.PageNumber,
            PageSize = found.PageSize,
            TotalCount = found.TotalCount,
        });
    }
}

using AutoMapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Jobs;

public sealed class JobRunDto
{
    public Instant StartedAt { get; init; }
    public Instant? FinishedAt { get; init; }
    /// <summary>running, succeeded or failed.</summary>
    public string Outcome { get; init; } = "";
    public string? Summary { get; init; }
    public string? Error { get; init; }
}

public sealed class JobStatusDto
{
    public string Job { get; init; } = "";
    public string? Cron { get; init; }
    public string? TimeZone { get; init; }
    public Instant? NextRun { get; init; }
    public JobRunDto? LastRun { get; init; }
    public JobRunDto? LastFailure { get; init; }
}

public static class AdminJobEndpoints
{
    public static RouteGroupBuilder MapAdminJobEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin").WithTags("Administration");
        group.MapGet("/jobs", List).Requires(Permission.ReadJobs)
            .WithSummary("Background jobs: schedule, next run, last run and last failure with its reason (administrators).")
            .ProducesProblem(403);
        return api;
    }

    private static async Task<Ok<List<JobStatusDto>>> List(JobRuns runs, JobStorage storage, IMapper mapper, HttpContext http,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusAsync(runs, storage, mapper, http.User.ToActor(), cancellationToken));

    /// <summary>Per job its schedule and its last run and failure: for the API and the administrators' page alike.</summary>
    public static async Task<List<JobStatusDto>> StatusAsync(JobRuns runs, JobStorage storage, IMapper mapper, Actor actor,
        CancellationToken cancellationToken)
    {
        // Runs come from our table, which outlives the scheduler; the schedule itself is Hangfire's.
        var statuses = await runs.StatusAsync(JobNames.All, actor, cancellationToken);
        using var connection = storage.GetConnection();
        var schedule = connection.GetRecurringJobs(JobNames.All).ToDictionary(j => j.Id);
        return statuses.Select(s =>
        {
            var recurring = schedule.GetValueOrDefault(s.JobName);
            return new JobStatusDto
            {
                Job = s.JobName,
                Cron = recurring?.Cron,
                TimeZone = recurring?.TimeZoneId,
                NextRun = recurring?.NextExecution is { } next ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null,
                LastRun = mapper.Map<JobRunDto?>(s.LastRun),
                LastFailure = mapper.Map<JobRunDto?>(s.LastFailure),
            };
        }).ToList();
    }
}

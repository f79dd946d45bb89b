using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Jobs;

public sealed class ReportSummaryDto
{
    public int Year { get; init; }
    public int Month { get; init; }
    public LocalDate PeriodStart { get; init; }
    public LocalDate PeriodEnd { get; init; }
    public Instant ProducedAt { get; init; }
    /// <summary>Where to download the report.</summary>
    public string Href { get; init; } = "";
}

public static class ReportEndpoints
{
    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/monthly", List).Requires(Permission.ReadReports).WithSummary("The monthly overviews produced so far, newest first.");
        group.MapGet("/monthly/{year:int}/{month:int}", Download).Requires(Permission.ReadReports)
            .WithSummary("Download the monthly overview of one month as JSON.")
            .Produces<JsonObject>(200, "application/json").ProducesProblem(404);
        return api;
    }

    private static async Task<Ok<List<ReportSummaryDto>>> List(ReportQueries reports, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok((await reports.ListAsync(ReportKind.MonthlyOverview, http.User.ToActor(), cancellationToken)).Select(s => new ReportSummaryDto
        {
            Year = s.PeriodStart.Year,
            Month = s.PeriodStart.Month,
            PeriodStart = s.PeriodStart,
            PeriodEnd = s.PeriodEnd,
            ProducedAt = s.ProducedAt,
            Href = $"/api/reports/monthly/{s.PeriodStart.Year}/{s.PeriodStart.Month}",
        }).ToList());

    private static async Task<FileContentHttpResult> Download(int year, int month, ReportQueries reports, HttpContext http,
        CancellationToken cancellationToken)
    {
        var report = await reports.GetMonthlyAsync(year, month, http.User.ToActor(), cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(report.ContentJson), "application/json",
            $"maandoverzicht-{report.Snapshot.PeriodStart:yyyy-MM}.json");
    }
}

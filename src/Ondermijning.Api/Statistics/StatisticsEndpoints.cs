using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Ondermijning.Api.Access;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Statistics;

namespace Ondermijning.Api.Statistics;

public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistics");
        group.MapGet("/annual", Annual).Requires(Permission.ReadStatistics)
            .WithSummary("The yearly intervention statistics (page 11 of the safety plan) for a municipality or RIEC region; format json, csv (semicolon-separated and quoted, with a byte-order mark, as a Dutch Excel opens it), xlsx or html.")
            .WithMetadata(new AlsoAnswers(200, AnnualTableFormats.CsvType), new AlsoAnswers(200, AnnualTableFormats.XlsxType, Binary: true),
                new AlsoAnswers(200, AnnualTableFormats.HtmlType))
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/overview", Overview).Requires(Permission.ReadStatistics)
            .WithSummary("Monthly or quarterly overview: signals by source channel, cases per stage, overdue cases, time per stage.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404);
        return api;
    }

    // The query's values are the handler's own parameters, not an [AsParameters] record: the request delegate generator
    // writes such a record's constructor with typeof(string?), which does not compile.
    private static async Task<Results<Ok<AnnualStatisticsDto>, FileContentHttpResult, ContentHttpResult>> Annual(string? municipality,
        string? region, int? year, [ChoiceList(nameof(ChoiceLists.AnnualFormats))] string? format, AnnualStatisticsQuery handler,
        IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        format = (format ?? "json").Trim().ToLowerInvariant();
        var errors = new Dictionary<string, string[]>();
        if (year is null) errors["year"] = ["Say which calendar year, e.g. year=2023."];
        if (format is not ("json" or "csv" or "xlsx" or "html")) errors["format"] = ["Choose json, csv, xlsx or html."];
        if (errors.Count > 0) throw EngineProblem.Validation(errors);

        var statistics = await handler.HandleAsync(municipality, region, year!.Value, http.User.ToActor(), cancellationToken);
        var table = mapper.Map<AnnualStatisticsDto>(statistics);
        return format switch
        {
            "csv" => TypedResults.File(AnnualTableFormats.Csv(table), AnnualTableFormats.CsvType, AnnualTableFormats.FileName(table, "csv")),
            "xlsx" => TypedResults.File(AnnualTableFormats.Xlsx(table), AnnualTableFormats.XlsxType, AnnualTableFormats.FileName(table, "xlsx")),
            "html" => TypedResults.Text(AnnualTableFormats.Html(table, mapper.Map<List<FigureDto>>(statistics.InterventionsByType)), AnnualTableFormats.HtmlType),
            _ => TypedResults.Ok(table),
        };
    }

    private static async Task<Ok<PeriodOverviewDto>> Overview(string? municipality, string? region, int? year, int? month, int? quarter,
        PeriodOverviewQuery handler, IMapper mapper, HttpContext http, CancellationToken cancellationToken)
    {
        if (year is null)
            throw EngineProblem.Validation(new Dictionary<string, string[]> { ["year"] = ["Say which calendar year, e.g. year=2024."] });
        var overview = await handler.HandleAsync(municipality, region, year.Value, month, quarter, http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(mapper.Map<PeriodOverviewDto>(overview));
    }
}

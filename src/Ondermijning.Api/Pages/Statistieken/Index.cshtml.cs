using AutoMapper;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Statistics;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Statistics;

namespace Ondermijning.Api.Pages.Statistieken;

/// <summary>
/// The annual intervention table as the safety plan publishes it, for one municipality or a RIEC region the user works
/// for in whole, with the monthly or quarterly overview above it when asked for.
/// </summary>
[RequiresPermission(Permission.ReadStatistics)]
public sealed class IndexModel(AnnualStatisticsQuery annual, PeriodOverviewQuery overview, IMapper mapper, IClock clock,
    IOptions<StatisticsOptions> options) : PageModel
{
    /// <summary>How a region is chosen in the one "gebied" list, beside the municipalities' codes.</summary>
    public const string RegionPrefix = "regio:";

    public int Jaar { get; private set; }
    /// <summary>The area chosen: a municipality's CBS code, or <see cref="RegionPrefix"/> and a region's name.</summary>
    public string Gebied { get; private set; } = "";
    public int? Maand { get; private set; }
    public int? Kwartaal { get; private set; }
    public AnnualStatisticsDto? Table { get; private set; }
    public IReadOnlyList<FigureDto> InterventionsByType { get; private set; } = [];
    public PeriodOverviewDto? Overview { get; private set; }
    public string? Error { get; private set; }
    /// <summary>The areas this user may see the figures of: their municipalities, then the regions they work for in whole.</summary>
    public IReadOnlyList<(string Value, string Label)> Areas { get; private set; } = [];

    public async Task OnGetAsync(int? jaar, string? gebied, string? gemeente, string? regio, int? maand, int? kwartaal,
        CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var today = clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;
        // The year in progress: what a user opening the figures wants to follow; earlier years are one choice away.
        Jaar = jaar ?? today.Year;
        Areas = actor.Municipalities.Select(m => (m.Value, Municipalities.NameOf(m))).OrderBy(a => a.Item2, StringComparer.Create(Dutch.Culture, true))
            .Concat(options.Value.Regions.Where(r => r.Value.All(m => MunicipalityCode.TryParse(m, out var code) && actor.WorksFor(code)))
                .OrderBy(r => r.Key).Select(r => (RegionPrefix + r.Key, $"Regio {RegionName(r.Key)} ({r.Value.Count} {(r.Value.Count == 1 ? "gemeente" : "gemeenten")})")))
            .ToList();
        Gebied = gebied ?? (regio is not null ? RegionPrefix + regio : gemeente) ?? Areas.FirstOrDefault().Value ?? "";
        (Maand, Kwartaal) = (maand, kwartaal);
        var (municipality, region) = Gebied.StartsWith(RegionPrefix, StringComparison.Ordinal)
            ? (null, Gebied[RegionPrefix.Length..])
            : (Gebied, (string?)null);
        try
        {
            var statistics = await annual.HandleAsync(municipality, region, Jaar, actor, cancellationToken);
            Table = mapper.Map<AnnualStatisticsDto>(statistics);
            InterventionsByType = mapper.Map<List<FigureDto>>(statistics.InterventionsByType);
            if (maand is not null || kwartaal is not null)
                Overview = mapper.Map<PeriodOverviewDto>(await overview.HandleAsync(municipality, region, Jaar, maand, kwartaal, actor, cancellationToken));
        }
        catch (EngineProblem problem)
        {
            Error = problem.Kind switch
            {
                ProblemKind.Forbidden when region is not null =>
                    "U werkt niet voor alle gemeenten van deze regio, dus u ziet haar cijfers niet. Kies uw eigen gemeente.",
                ProblemKind.Forbidden => "U mag de cijfers niet inzien; daarvoor is de rol statistiek of OOV-regisseur nodig.",
                ProblemKind.NotFound when region is not null =>
                    $"Er is geen regio met die naam. Kies een gemeente{(Areas.Any(a => a.Value.StartsWith(RegionPrefix, StringComparison.Ordinal)) ? " of regio" : "")} uit de lijst.",
                ProblemKind.NotFound => "Van deze gemeente zijn er geen cijfers voor u: u werkt er niet voor. Kies een gemeente uit de lijst.",
                _ when problem.Errors.ContainsKey("year") => $"Er zijn cijfers van {AnnualStatisticsQuery.FirstYear} tot en met dit jaar; kies een jaar daartussen.",
                _ when problem.Errors.ContainsKey("municipality") => "Kies een gemeente of regio uit de lijst.",
                _ => "Deze cijfers zijn niet beschikbaar. Kies een maand van 1 tot en met 12 of een kwartaal van 1 tot en met 4.",
            };
            Response.StatusCode = problem.Kind switch
            {
                ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
                ProblemKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
        }
    }

    /// <summary>"riec-limburg" → "RIEC Limburg": a region by the name people use.</summary>
    public static string RegionName(string key) =>
        string.Join(' ', key.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w is "riec" ? "RIEC" : char.ToUpperInvariant(w[0]) + w[1..]));

    public string AreaName(AnnualStatisticsDto table) =>
        table.Region is { } region
            ? $"regio {RegionName(region)}: {string.Join(", ", table.Municipalities.Select(Dutch.Municipality))}"
            : string.Join(", ", table.Municipalities.Select(Dutch.Municipality));

    /// <summary>"januari 2024", "2e kwartaal 2024", from the period's first day and its end (the day after the last).</summary>
    public static string PeriodName(PeriodOverviewDto o) =>
        o.Period.Contains("-K") ? $"{o.Period[^1]}e kwartaal {o.From.Year}" : o.From.ToString("MMMM yyyy", Dutch.Culture);

    public string Download(string format) =>
        $"/api/statistics/annual?{(Table?.Region is { } region ? $"region={Uri.EscapeDataString(region)}" : $"municipality={Uri.EscapeDataString(Gebied)}")}&year={Jaar}&format={format}";
}

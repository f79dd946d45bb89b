using AutoMapper;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Statistics;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Statistics;

namespace Ondermijning.Api.Pages.Statistieken;

/// <summary>The annual intervention table as the safety plan publishes it, and the monthly or quarterly overview.</summary>
[RequiresPermission(Permission.ReadStatistics)]
public sealed class IndexModel(AnnualStatisticsQuery annual, PeriodOverviewQuery overview, IMapper mapper, IClock clock) : PageModel
{
    public int Jaar { get; private set; }
    public string Gemeente { get; private set; } = "";
    public int? Maand { get; private set; }
    public int? Kwartaal { get; private set; }
    public AnnualStatisticsDto? Table { get; private set; }
    public IReadOnlyList<FigureDto> InterventionsByType { get; private set; } = [];
    public PeriodOverviewDto? Overview { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(int? jaar, string? gemeente, int? maand, int? kwartaal, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var today = clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date;
        // The year in progress: what a user opening the figures wants to follow; earlier years are one choice away.
        Jaar = jaar ?? today.Year;
        Gemeente = gemeente ?? actor.Municipalities.Select(m => m.Value).Order().FirstOrDefault() ?? "";
        (Maand, Kwartaal) = (maand, kwartaal);
        try
        {
            var statistics = await annual.HandleAsync(Gemeente, null, Jaar, actor, cancellationToken);
            Table = mapper.Map<AnnualStatisticsDto>(statistics);
            InterventionsByType = mapper.Map<List<FigureDto>>(statistics.InterventionsByType);
            if (maand is not null || kwartaal is not null)
                Overview = mapper.Map<PeriodOverviewDto>(await overview.HandleAsync(Gemeente, null, Jaar, maand, kwartaal, actor, cancellationToken));
        }
        catch (EngineProblem problem)
        {
            Error = problem.Kind == ProblemKind.Forbidden
                ? "U mag de cijfers niet inzien; daarvoor is de rol statistiek of OOV-regisseur nodig."
                : "Deze cijfers zijn niet beschikbaar. Controleer de gemeente (CBS-code) en de periode.";
            Response.StatusCode = problem.Kind == ProblemKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }
    }

    public string Download(string format) => $"/api/statistics/annual?municipality={Uri.EscapeDataString(Gemeente)}&year={Jaar}&format={format}";
}

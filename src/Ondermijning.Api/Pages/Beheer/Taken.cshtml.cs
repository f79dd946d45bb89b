using AutoMapper;
using Hangfire;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Jobs;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Pages.Beheer;

/// <summary>The background jobs for administrators: when each runs next, how its last run went, and its last failure.</summary>
[RequiresPermission(Permission.ReadJobs)]
public sealed class TakenModel(JobRuns runs, JobStorage storage, IMapper mapper) : PageModel
{
    public IReadOnlyList<JobStatusDto> Jobs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Jobs = await AdminJobEndpoints.StatusAsync(runs, storage, mapper, User.ToActor(), cancellationToken);

    public static string Naam(string job) => job switch
    {
        JobNames.Escalation => "Termijnen bewaken (escalatie)",
        JobNames.MonthlyOverview => "Maandoverzicht maken",
        JobNames.AnnualDraft => "Concept-jaaroverzicht maken",
        JobNames.Enrichment => "Nieuwe signalen verrijken",
        JobNames.Retention => "Bewaartermijnen: persoonsgegevens wissen",
        JobNames.AccessLogAnchor => "Toegangslog verankeren",
        _ => job,
    };

    public static string Uitkomst(string outcome) => outcome switch
    {
        "succeeded" => "geslaagd",
        "failed" => "mislukt",
        _ => "bezig",
    };
}

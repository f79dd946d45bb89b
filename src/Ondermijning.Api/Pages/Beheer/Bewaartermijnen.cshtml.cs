using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Jobs;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Beheer;

/// <summary>
/// Retention for administrators: the periods each definition sets, how the nightly purge last went, and a button that
/// erases now what is due in the administrator's own municipalities.
/// </summary>
[RequiresPermission(Permission.RunRetention)]
public sealed class BewaartermijnenModel(RetentionPurge purge, JobRuns runs, WorkflowCatalog catalog) : PageModel
{
    public IReadOnlyList<WorkflowDefinition> Definitions => catalog.All.Where(d => d.Retention is not null).ToList();
    public JobStatus? Nightly { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Nightly = (await runs.StatusAsync([JobNames.Retention], User.ToActor(), cancellationToken)).Single();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await purge.RunAsync(User.ToActor(), cancellationToken);
        TempData["Melding"] = result.ErasedCases == 0 && result.ErasedItems == 0
            ? "De bewaartermijnen zijn nagelopen: er was niets te wissen in uw gemeente(n)."
            : $"De bewaartermijnen zijn nagelopen: van {Aantal(result.ErasedCases, "zaak", "zaken")} zijn de persoonsgegevens gewist, " +
              $"en {Aantal(result.ErasedItems, "informatie-item", "informatie-items")} gewist.";
        return Redirect("/beheer/bewaartermijnen");
    }

    private static string Aantal(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    /// <summary>A period as the policy reads it: "2 jaar", "6 maanden".</summary>
    public static string Duur(Period period)
    {
        var parts = new List<string>();
        if (period.Years != 0) parts.Add($"{period.Years} jaar");
        if (period.Months != 0) parts.Add(Aantal(period.Months, "maand", "maanden"));
        if (period.Weeks != 0) parts.Add(Aantal(period.Weeks, "week", "weken"));
        if (period.Days != 0) parts.Add(Aantal(period.Days, "dag", "dagen"));
        return parts.Count == 0 ? "direct" : string.Join(" en ", parts);
    }
}

using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Pages.Rapporten;

/// <summary>The monthly overviews produced so far, each to download (with only the reader's municipalities in it) or to view.</summary>
[RequiresPermission(Permission.ReadReports)]
public sealed class IndexModel(ReportQueries reports) : PageModel
{
    public IReadOnlyList<ReportSnapshot> Reports { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Reports = await reports.ListAsync(ReportKind.MonthlyOverview, User.ToActor(), cancellationToken);
}

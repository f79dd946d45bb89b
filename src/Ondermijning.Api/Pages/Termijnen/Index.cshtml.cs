using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Termijnen;

/// <summary>
/// The overdue cases the user can take a step on, longest overdue first, a page at a time; the page says how many there
/// are in all, so that none is out of sight however long the backlog.
/// </summary>
[RequiresPermission(Permission.ReadOverdue)]
public sealed class IndexModel(OverdueCases overdue, WorkflowCatalog catalog, IClock clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(CaseId Id, string Code, string Stage, string InStageSince, string DueAt, string Late, string? EscalatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }

    public async Task OnGetAsync(int? pagina, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var found = await overdue.PageAsync(actor, Math.Max(1, pagina ?? 1), PageSize, cancellationToken);
        PageCount = Math.Max(1, (found.TotalCount + PageSize - 1) / PageSize);
        // Past the last page (the list shrank since the link was made): the last page, not an empty one.
        if (found.PageNumber > PageCount) found = await overdue.PageAsync(actor, PageCount, PageSize, cancellationToken);
        Total = found.TotalCount;
        PageNumber = found.PageNumber;
        var now = clock.GetCurrentInstant();
        Rows = found.Items.Select(c => new Row(c.Id, Pages.IndexModel.Short(c.Id), catalog.Get(c.Definition).Stage(c.Stage).Label,
                Dutch.Date(c.StageEnteredAt), Dutch.Date(c.DueAt!.Value), Days(now - c.DueAt.Value),
                c.Escalations.Where(e => e.StageEntrySequence == c.StageEntrySequence).Select(e => Dutch.Date(e.EscalatedAt)).FirstOrDefault()))
            .ToList();
    }

    private static string Days(Duration late) => (int)late.TotalDays switch
    {
        < 1 => "minder dan een dag",
        1 => "1 dag",
        var days => $"{Dutch.Number(days)} dagen",
    };
}

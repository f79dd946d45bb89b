using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Zoeken;

[RequiresPermission(Permission.ReadCase)]
public sealed class IndexModel(SearchCases search) : PageModel
{
    public string? Q { get; private set; }
    public IReadOnlyList<ZaakTreffer>? Hits { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int PageCount { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q, int? pagina, CancellationToken cancellationToken)
    {
        Q = q;
        if (q is null) return;
        try
        {
            var actor = User.ToActor();
            var page = Math.Clamp(pagina ?? 1, 1, SearchCases.MaxPage);
            var result = await search.HandleAsync(q, actor, cancellationToken, page);
            PageCount = Math.Clamp((result.Total + SearchCases.MaxHits - 1) / SearchCases.MaxHits, 1, SearchCases.MaxPage);
            // Past the last page (fewer hits since the link was made): the last page, not an empty one.
            if (page > PageCount) result = await search.HandleAsync(q, actor, cancellationToken, PageCount);
            Hits = result.Hits.Select(ZaakTreffer.From).ToList();
            Total = result.Total;
            PageNumber = result.Page;
        }
        catch (EngineProblem problem) when (problem.Kind == ProblemKind.Invalid)
        {
            Error = $"Typ waar u naar zoekt, in 1 tot {SearchCases.MaxQueryLength} tekens, zonder stuurtekens.";
        }
    }
}

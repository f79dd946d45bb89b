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
    public bool More { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Q = q;
        if (q is null) return;
        try
        {
            var result = await search.HandleAsync(q, User.ToActor(), cancellationToken);
            Hits = result.Hits.Select(ZaakTreffer.From).ToList();
            More = result.More;
        }
        catch (EngineProblem problem) when (problem.Kind == ProblemKind.Invalid)
        {
            Error = $"Typ waar u naar zoekt, in 1 tot {SearchCases.MaxQueryLength} tekens, zonder stuurtekens.";
        }
    }
}

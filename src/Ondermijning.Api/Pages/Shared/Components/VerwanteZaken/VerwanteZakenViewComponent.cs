using Microsoft.AspNetCore.Mvc;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Pages.Zoeken;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Search;

namespace Ondermijning.Api.Pages.Shared.Components.VerwanteZaken;

/// <summary>The case page's links to other cases that share a KvK number, an address or a person.</summary>
public sealed class VerwanteZakenViewComponent(RelatedCases related) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid id) =>
        View((await related.ForAsync(new CaseId(id), UserClaimsPrincipal.ToActor(), HttpContext.RequestAborted)).Select(ZaakTreffer.From).ToList());
}

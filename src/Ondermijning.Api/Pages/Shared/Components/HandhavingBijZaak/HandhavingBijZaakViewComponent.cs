using Microsoft.AspNetCore.Mvc;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Interventions;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Pages.Shared.Components.HandhavingBijZaak;

/// <summary>The case page's short list of the Bibob screenings, closures, penalties and phenomenon studies linked to the case.</summary>
public sealed class HandhavingBijZaakViewComponent(EnforcementRecords records) : ViewComponent
{
    public sealed record Model(CaseId Case, CaseEnforcement Records, bool MayRecord);

    public async Task<IViewComponentResult> InvokeAsync(Guid id)
    {
        var actor = UserClaimsPrincipal.ToActor();
        if (!actor.HasRoleFor(Permission.ReadEnforcement)) return Content("");
        var caseId = new CaseId(id);
        return View(new Model(caseId, await records.ForCaseAsync(caseId, actor, HttpContext.RequestAborted),
            actor.HasRoleFor(Permission.RecordEnforcement)));
    }
}

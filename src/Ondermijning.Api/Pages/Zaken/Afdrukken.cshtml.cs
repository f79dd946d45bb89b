using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Zaken;

/// <summary>
/// The case file to print: what the reader may see of the case and nothing more, read as an export (logged in the
/// access log like <c>GET /api/cases/{id}/export</c>), because a printed file leaves the system just as a download does.
/// </summary>
[RequiresPermission(Permission.ExportCase)]
public sealed class AfdrukkenModel(CaseQueries queries, CaseResponder responder, WorkflowCatalog catalog, IClock clock) : PageModel
{
    public CaseDetailDto Case { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;
    public Instant PrintedAt { get; private set; }
    public Actor Actor => User.ToActor();

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId)) return NotFound();
        try
        {
            var @case = await queries.GetAsync(caseId, Actor, cancellationToken);
            Definition = catalog.Get(@case.Definition);
            Case = await responder.DetailAsync(@case, Actor, AccessAction.Export, cancellationToken);
            PrintedAt = clock.GetCurrentInstant();
            return Page();
        }
        catch (EngineProblem e) when (e.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
    }

    public string StageLabel(string? stage) => stage is null ? "" : Definition.FindStage(new StageId(stage))?.Label ?? stage;
}

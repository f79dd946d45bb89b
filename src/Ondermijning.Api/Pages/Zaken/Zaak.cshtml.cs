using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Zaken;

/// <summary>One case: what is known, what happened, and the forms to take the next step.</summary>
public sealed class ZaakModel(CaseQueries queries, CaseResponder responder, FireTrigger fireTrigger, WorkflowCatalog catalog) : PageModel
{
    public CaseDetailDto Case { get; private set; } = null!;
    public WorkflowDefinition Definition { get; private set; } = null!;

    /// <summary>The step whose form failed, so that it opens again with its errors and values.</summary>
    public string? FailedStep { get; private set; }
    public string? Reason { get; private set; }
    public Dictionary<string, string> Information { get; private set; } = [];
    public string? GeneralError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStapAsync(string id, string trigger, string? reden, [FromForm(Name = "informatie")] Dictionary<string, string>? informatie,
        int revisie, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId)) return NotFound();
        var information = (informatie ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
        try
        {
            var moved = await fireTrigger.HandleAsync(caseId, new TriggerRequest(new TriggerId(trigger), reden, information), revisie,
                User.ToActor(), cancellationToken);
            var stage = catalog.Get(moved.Definition).Stage(moved.Stage);
            TempData["Melding"] = $"Stap gezet. De zaak staat nu in ‘{stage.Label}’.";
            return Redirect($"/zaken/{id}");
        }
        catch (EngineProblem problem)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            FailedStep = trigger;
            Reason = reden;
            Information = information;
            var transition = Definition.TransitionsFrom(new StageId(Case.Stage.Id)).SingleOrDefault(t => t.Trigger.Value == trigger);
            foreach (var field in problem.Errors.Keys) ModelState.AddModelError(field, DutchMessages.ForStepField(field, transition, Definition));
            GeneralError = DutchMessages.ForProblem(problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId)) return false;
        try
        {
            var actor = User.ToActor();
            var @case = await queries.GetAsync(caseId, actor, cancellationToken);
            Definition = catalog.Get(@case.Definition);
            Case = await responder.DetailAsync(@case, actor, AccessAction.Read, cancellationToken);
            return true;
        }
        catch (EngineProblem e) when (e.Kind == ProblemKind.NotFound)
        {
            return false;
        }
    }

    public string InformationLabel(string? trigger, string key) =>
        Definition.Transitions.FirstOrDefault(t => t.Trigger.Value == trigger)?.Guards.RequiredInformation
            .FirstOrDefault(r => r.Key == key)?.Label ?? key;

    public string StageLabel(string? stage) =>
        stage is null ? "" : Definition.FindStage(new StageId(stage))?.Label ?? stage;
}

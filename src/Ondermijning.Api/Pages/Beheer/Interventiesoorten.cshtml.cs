using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Problems;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Api.Pages.Beheer;

/// <summary>The kinds of intervention the MOT chooses from, per type, and the form to add one.</summary>
[RequiresPermission(Permission.ManageInterventionKinds)]
public sealed class InterventiesoortenModel(RecordIntervention interventions) : PageModel
{
    public static readonly IReadOnlyDictionary<InterventionType, string> Soorten = new Dictionary<InterventionType, string>
    {
        [InterventionType.Bestuurlijk] = "Bestuurlijk",
        [InterventionType.Strafrechtelijk] = "Strafrechtelijk",
        [InterventionType.Fiscaal] = "Fiscaal",
    };

    public IReadOnlyList<InterventionSubtype> Subtypes { get; private set; } = [];
    public Dictionary<string, string> Fouten { get; private set; } = [];
    public Dictionary<string, string?> Getypt { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Subtypes = await interventions.SubtypesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? code, string? soort, string? naam, CancellationToken cancellationToken)
    {
        (Getypt["code"], Getypt["type"], Getypt["label"]) = (code, soort, naam);
        try
        {
            var f = new RequestFields();
            var type = f.Choice<InterventionType>(soort, "type", "the type");
            f.ThrowIfAny();
            var added = await interventions.AddSubtypeAsync(code, type, naam, User.ToActor(), cancellationToken);
            TempData["Melding"] = $"De interventiesoort ‘{added.Label}’ is toegevoegd.";
            return Redirect("/beheer/interventiesoorten");
        }
        catch (EngineProblem problem)
        {
            Fouten = problem.Kind == ProblemKind.Conflict
                ? new() { ["code"] = "Er bestaat al een interventiesoort met deze code; kies een andere code." }
                : DutchMessages.ForFields(problem, field => field switch
                {
                    "code" => "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld ‘sluiting-woning’.",
                    "type" => "Kies bestuurlijk, strafrechtelijk of fiscaal.",
                    _ => "Vul de naam in die gebruikers zien.",
                });
            Subtypes = await interventions.SubtypesAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    public string? AriaOngeldig(string field) => Fouten.ContainsKey(field) ? "true" : null;
    public string? BeschrevenDoor(string field) => Fouten.ContainsKey(field) ? $"{field}-fout" : null;
}

using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Definities;

/// <summary>
/// The functional administrator's desk for a new version: write or paste the definition, have it checked (every problem
/// with its line), see it drawn and what it changes, and publish it from a date.
/// </summary>
[RequiresPermission(Permission.PublishWorkflows)]
public sealed class ConceptModel(WorkflowPublishing publishing, WorkflowCatalog catalog, IClock clock) : PageModel
{
    [BindProperty] public string Werkproces { get; set; } = "";
    [BindProperty] public string Definitie { get; set; } = "";
    [BindProperty] public string? GeldtVanaf { get; set; }

    public int? Versie { get; private set; }
    public IReadOnlyList<DefinitionError> Fouten { get; private set; } = [];
    public string? DatumFout { get; private set; }
    public WorkflowVersionView? Concept { get; private set; }
    public IReadOnlyList<StoredWorkflowVersion> Concepten { get; private set; } = [];
    public IReadOnlyList<WorkflowId> Werkprocessen => catalog.Workflows;

    public async Task<IActionResult> OnGetAsync(string? werkproces, int? versie, CancellationToken cancellationToken)
    {
        Werkproces = werkproces ?? catalog.DefaultWorkflow.Value;
        if (!await LoadAsync(versie, cancellationToken)) return NotFound();
        GeldtVanaf = clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date.PlusDays(1).ToString("yyyy-MM-dd", null);
        // A new version starts as a copy of the newest one, numbered one higher.
        if (versie is null && catalog.Versions(new WorkflowId(Werkproces)).LastOrDefault() is { } newest) Definitie = NextVersion(newest);
        return Page();
    }

    public async Task<IActionResult> OnPostOpslaanAsync(int? versie, CancellationToken cancellationToken)
    {
        Versie = versie;
        if (WorkflowIdRule() is { } problem) return await Refused(() => Fouten = [new DefinitionError("", "werkproces", null, problem, problem)], null, cancellationToken);
        var outcome = await publishing.SaveAsync(new WorkflowId(Werkproces.Trim()), versie, Encoding.UTF8.GetBytes(Definitie ?? ""), User.ToActor(), cancellationToken);
        if (outcome.Valid) return Redirect($"/definities/concept?werkproces={Uri.EscapeDataString(Werkproces.Trim())}&versie={outcome.Stored!.Version}");
        return await Refused(() => Fouten = outcome.Errors, versie, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublicerenAsync(int versie, CancellationToken cancellationToken)
    {
        if (WorkflowIdRule() is { } problem) return await Refused(() => DatumFout = problem, versie, cancellationToken);
        if ((DateRule.Parse(GeldtVanaf?.Trim() ?? "", out var date) ?? DateRule.Check(date)) is { } breach)
            return await Refused(() => DatumFout = DutchMessages.ForBreach(breach), versie, cancellationToken);
        try
        {
            var published = await publishing.PublishAsync(new WorkflowId(Werkproces.Trim()), versie, date, User.ToActor(), cancellationToken);
            TempData["Gepubliceerd"] = $"Versie {published.Key.Version} van {published.Title} is gepubliceerd en geldt vanaf {Dutch.Date(published.AppliesFrom)}.";
            return Redirect("/definities");
        }
        catch (EngineProblem missing) when (missing.Kind == ProblemKind.NotFound)
        {
            return NotFound();
        }
        catch (EngineProblem refused) when (refused.Kind == ProblemKind.Conflict)
        {
            return await Refused(() => DatumFout = "Deze versie is al gepubliceerd, of intussen is een hogere versie gepubliceerd. Geef het concept een hoger nummer.",
                versie, cancellationToken);
        }
    }

    /// <summary>The form again, as the user filled it in, with what is wrong next to it.</summary>
    private async Task<IActionResult> Refused(Action sayWhy, int? versie, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(versie, cancellationToken)) return NotFound();
        sayWhy();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The drafts, and the one asked for with its drawing and changes; false when that draft does not exist.</summary>
    private async Task<bool> LoadAsync(int? versie, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        Concepten = await publishing.ListAsync(actor, cancellationToken);
        if (versie is not { } number) return true;
        if (WorkflowIdRule() is not null || await publishing.FindAsync(new WorkflowId(Werkproces.Trim()), number, actor, cancellationToken) is not { } draft)
            return false;
        Versie = number;
        if (string.IsNullOrEmpty(Definitie)) Definitie = draft.Stored!.Content ?? "";
        Fouten = draft.Errors;
        if (draft.Valid) Concept = await publishing.ViewAsync(new DefinitionKey(new WorkflowId(Werkproces.Trim()), number), actor, cancellationToken);
        return true;
    }

    private string? WorkflowIdRule() =>
        string.IsNullOrWhiteSpace(Werkproces) ? "Geef de naam (id) van het werkproces, zoals ondermijning."
        : TextRule.Check(Werkproces.Trim(), Limits.Code, TextKind.SingleLine) is { } breach ? DutchMessages.ForBreach(breach)
        : null;

    private static string NextVersion(WorkflowDefinition newest)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(newest.Content)!.AsObject();
        node.Remove("$schema");
        node["version"] = newest.Key.Version + 1;
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
    }

    public static string Onderdeel(DefinitionPart part) => part switch
    {
        DefinitionPart.Title => "Titel",
        DefinitionPart.SeverityLevel => "Zwaarte",
        DefinitionPart.Stage => "Fase",
        DefinitionPart.Transition => "Stap",
        DefinitionPart.Gate => "Informatiepoort",
        _ => "Bewaartermijn",
    };

    public static string Wijziging(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "toegevoegd",
        ChangeKind.Removed => "verwijderd",
        _ => "gewijzigd",
    };
}

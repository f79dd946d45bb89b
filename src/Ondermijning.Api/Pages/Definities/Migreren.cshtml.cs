using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Jobs;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Definities;

/// <summary>
/// The functional administrator's desk for moving running cases to another version, of the same workflow or another:
/// choose both versions, map the stages (and the severity levels the target lacks), try it out per case, then start the
/// background job and follow it on its own page.
/// </summary>
[RequiresPermission(Permission.MigrateCases)]
public sealed class MigrerenModel(WorkflowCatalog catalog, MigrateCases migrations, IBackgroundJobClient jobs) : PageModel
{
    /// <summary>A version as the form names it: <c>werkproces:versie</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? Bron { get; set; }
    [BindProperty(SupportsGet = true)] public string? Doel { get; set; }
    [BindProperty] public string? Fase { get; set; }
    /// <summary>Per stage of the source, the stage of the target its cases go to.</summary>
    [BindProperty] public Dictionary<string, string?> Fasen { get; set; } = [];
    /// <summary>Per severity level the target lacks, the level of the target the cases get.</summary>
    [BindProperty] public Dictionary<string, string?> Zwaartes { get; set; } = [];
    [BindProperty] public string? Reden { get; set; }

    public IReadOnlyList<WorkflowDefinition> Versies => catalog.All.ToList();
    public WorkflowDefinition? Van { get; private set; }
    public WorkflowDefinition? Naar { get; private set; }
    public Dictionary<string, string> Fouten { get; private set; } = [];
    public string? Melding { get; private set; }
    public MigrationDryRun? Proef { get; private set; }

    public IReadOnlyList<SeverityLevel> OntbrekendeZwaartes =>
        Van is null || Naar is null ? [] : Van.SeverityLevels.Where(l => !Naar.HasSeverity(l.Id)).ToList();

    public static string Sleutel(DefinitionKey key) => $"{key.Workflow}:{key.Version}";

    public void OnGet()
    {
        Choose();
        // A stage the target also has keeps its name there, unless the administrator says otherwise.
        if (Van is not null && Naar is not null)
            foreach (var stage in Van.Stages.Where(s => Naar.FindStage(s.Id) is not null)) Fasen.TryAdd(stage.Id.Value, stage.Id.Value);
    }

    public async Task<IActionResult> OnPostProefdraaienAsync(CancellationToken cancellationToken)
    {
        if (Choose() is not { } request) return Refused();
        try
        {
            Proef = await migrations.DryRunAsync(request, User.ToActor(), cancellationToken);
            return Page();
        }
        catch (EngineProblem problem) when (problem.Kind is ProblemKind.Invalid or ProblemKind.RuleViolation or ProblemKind.NotFound)
        {
            return Refused(problem);
        }
    }

    public async Task<IActionResult> OnPostMigrerenAsync(CancellationToken cancellationToken)
    {
        if (Choose() is not { } request) return Refused();
        try
        {
            var migration = await migrations.RequestAsync(request, User.ToActor(), cancellationToken);
            MigrationJobs.Enqueue(jobs, migration.Id);
            return Redirect($"/definities/migraties/{migration.Id}");
        }
        catch (EngineProblem problem) when (problem.Kind is ProblemKind.Invalid or ProblemKind.RuleViolation or ProblemKind.NotFound)
        {
            return Refused(problem);
        }
    }

    /// <summary>The two versions from the form, and the request they make with the rest of it; null when a version is not one of the list.</summary>
    private MigrationRequest? Choose()
    {
        Van = Find(Bron, "bron");
        Naar = Find(Doel, "doel");
        if (Van is null || Naar is null) return null;
        return new MigrationRequest(Van.Key.Workflow, Van.Key.Version, Naar.Key.Workflow == Van.Key.Workflow ? null : Naar.Key.Workflow, Naar.Key.Version,
            new MigrationSelection(null, new StageId(Fase ?? "")),
            Fasen.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => new StageId(kv.Key), kv => new StageId(kv.Value!)),
            Zwaartes.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => new Severity(kv.Key), kv => new Severity(kv.Value!)),
            Reden ?? "");
    }

    private WorkflowDefinition? Find(string? chosen, string field)
    {
        if (chosen is null) return null;
        var definition = catalog.All.FirstOrDefault(d => Sleutel(d.Key) == chosen);
        if (definition is null) Fouten[field] = "Kies een versie uit de lijst.";
        return definition;
    }

    private PageResult Refused(EngineProblem? problem = null)
    {
        if (problem is not null)
            foreach (var (field, message) in DutchMessages.ForFields(problem, Zegt)) Fouten.TryAdd(Veld(field), message);
        if (problem?.Kind == ProblemKind.NotFound) Melding = "De zaak of versie bestaat niet (meer).";
        else if (Fouten.Count == 0 && problem is not null) Melding = DutchMessages.ForProblem(problem);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The form's field for a field of the engine's request.</summary>
    private static string Veld(string field) => field switch
    {
        "reason" => "reden",
        "stage" or "caseId" or "stageMapping" => "fase",
        "toVersion" or "toWorkflow" => "doel",
        _ when field.StartsWith("stageMapping.", StringComparison.Ordinal) => "fasen." + field["stageMapping.".Length..],
        _ when field.StartsWith("severityMapping.", StringComparison.Ordinal) => "zwaartes." + field["severityMapping.".Length..],
        "severityMapping" => "zwaartes",
        _ => field,
    };

    private static string Zegt(string field) => Veld(field) switch
    {
        "reden" => "Schrijf waarom de zaken naar een andere versie gaan.",
        "fase" => "Kies de fase waarvan de zaken meegaan, en bij die fase een fase van de nieuwe versie.",
        "doel" => "Kies een andere versie dan die waarop de zaken nu lopen.",
        var veld when veld.StartsWith("fasen.", StringComparison.Ordinal) => "Kies een fase van de nieuwe versie voor de zaken in deze fase.",
        _ => "Kies een zwaarte van de nieuwe versie voor de zaken met deze zwaarte.",
    };
}

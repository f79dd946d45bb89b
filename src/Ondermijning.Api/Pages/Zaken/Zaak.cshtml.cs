using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Engine;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Enrichment;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Zaken;

/// <summary>One case: what is known, what happened, and the forms to take the next step.</summary>
[RequiresPermission(Permission.ReadCase)]
public sealed class ZaakModel(CaseQueries queries, CaseResponder responder, WorkflowCatalog catalog,
    CaseInformation information, InformationAccess access, RaiseSeverity raiseSeverity, Receipts receipts, EnrichmentQueries enrichment,
    RecordIntervention interventions, ZaakKeten keten)
    : PageModel
{
    /// <summary>Enrichment, ATOM inspections and MOT interventions of the case.</summary>
    public ZaakKeten Keten => keten;
    /// <summary>What the failed step carried besides reason and information, so that it opens again as typed.</summary>
    public StapInvoer StepInput { get; private set; } = new();
    public CaseDetailDto Case { get; private set; } = null!;
    public IReadOnlyList<InformationCategory> AddableCategories { get; private set; } = [];
    public IReadOnlyList<EnrichmentFinding> Findings { get; private set; } = [];
    /// <summary>Interventions are decided at the MOT, so the form appears once the case has been there.</summary>
    public IReadOnlyList<InterventionSubtype> InterventionSubtypes { get; private set; } = [];
    public Actor Actor => User.ToActor();

    /// <summary>Which of the side forms (information, severity, feedback) failed, with its message.</summary>
    public string? FailedForm { get; private set; }
    public string? FormError { get; private set; }
    /// <summary>Per field of the failed side form, the Dutch message shown next to it.</summary>
    public Dictionary<string, string> FieldErrors { get; private set; } = [];
    /// <summary>What was typed in the failed side form, so that nothing typed is lost.</summary>
    public Dictionary<string, string?> Typed { get; private set; } = [];
    public WorkflowDefinition Definition { get; private set; } = null!;
    /// <summary>What the reporter was told, for those who write it; null for a case from before receipts.</summary>
    public GivenFeedback? GivenFeedback { get; private set; }

    /// <summary>The step whose form failed, so that it opens again with its errors and values.</summary>
    public string? FailedStep { get; private set; }
    public string? Reason { get; private set; }
    public Dictionary<string, string> Information { get; private set; } = [];
    public string? GeneralError { get; private set; }

    /// <summary>The Dutch message for a field of the failed side form, or null.</summary>
    public string? ErrorOf(string field) => FieldErrors.GetValueOrDefault(field);
    /// <summary>aria-invalid for a field: "true" when it was refused, otherwise absent.</summary>
    public string? InvalidOf(string field) => FieldErrors.ContainsKey(field) ? "true" : null;
    /// <summary>aria-describedby for a field: the id of its message (<paramref name="id"/>-fout) when it was refused.</summary>
    public string? ErrorIdOf(string field, string id) => FieldErrors.ContainsKey(field) ? $"{id}-fout" : null;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStapAsync(string id, string trigger, string? reden, [FromForm(Name = "informatie")] Dictionary<string, string>? informatie,
        int revisie, [FromForm(Name = "stap")] StapInvoer? stap, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId)) return NotFound();
        var information = (informatie ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
        foreach (var (key, ticked) in StapInformatieVeld.Checklists(Request.Form, "keuzelijst")) information[key] = ticked;
        try
        {
            var f = new Fields();
            var takenAt = (stap ?? new StapInvoer()).TakenAtIn(f);
            f.ThrowIfAny();
            var current = await queries.GetAsync(caseId, User.ToActor(), cancellationToken);
            var definition = catalog.Get(current.Definition);
            var moved = await keten.TakeStepAsync(caseId, definition, definition.TransitionsFrom(current.Stage).SingleOrDefault(t => t.Trigger.Value == trigger),
                new TriggerRequest(new TriggerId(trigger), reden, information, takenAt), revisie, stap ?? new StapInvoer(), User.ToActor(), cancellationToken);
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
            StepInput = stap ?? new StapInvoer();
            var transition = Definition.TransitionsFrom(new StageId(Case.Stage.Id)).SingleOrDefault(t => t.Trigger.Value == trigger);
            foreach (var (field, message) in DutchMessages.ForStep(problem, transition, Definition)) ModelState.AddModelError(field, message);
            GeneralError = DutchMessages.ForProblem(problem);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    public Task<IActionResult> OnPostInformatieAsync(string id, string? categorie, string? grondslag, string? inhoud, string? vertrouwelijkheid,
        string? informatiedatum, CancellationToken cancellationToken) =>
        SideFormAsync(id, "informatie", "De informatie is toegevoegd.", caseId =>
        {
            Typed = new() { ["legalBasis"] = grondslag, ["content"] = inhoud, ["informationDate"] = informatiedatum };
            var f = new Fields();
            var informationDate = f.OptionalDate(informatiedatum, "informationDate");
            f.ThrowIfAny();
            if (!InformationTerms.Categories.TryGetValue(categorie ?? "", out var category) ||
                !InformationTerms.ConfidentialityLevels.TryGetValue(vertrouwelijkheid ?? "", out var level))
                throw EngineProblem.Validation(new Dictionary<string, string[]> { ["category"] = ["Kies een categorie en vertrouwelijkheid."] });
            return information.AddAsync(caseId, new NewInformationItem(category, Actor.Organisation, grondslag ?? "", inhoud ?? "", level, informationDate), Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostZwaarteAsync(string id, string? zwaarte, string? reden, CancellationToken cancellationToken) =>
        SideFormAsync(id, "zwaarte", "De zwaarte is verhoogd.", caseId =>
        {
            Typed = new() { ["reason"] = reden };
            return raiseSeverity.HandleAsync(caseId, new Severity(zwaarte ?? ""), reden, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostTerugkoppelingAsync(string id, string? tekst, CancellationToken cancellationToken) =>
        SideFormAsync(id, "terugkoppeling", "De terugkoppeling voor de melder is opgeslagen.", caseId =>
        {
            Typed = new() { ["text"] = tekst };
            return receipts.WriteFeedbackAsync(caseId, tekst, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostInterventieAsync(string id, string? soort, string? uitvoerder, string? besloten, string? gepland,
        CancellationToken cancellationToken) =>
        SideFormAsync(id, "interventie", "De interventie is vastgelegd.", caseId =>
        {
            Typed = new() { ["executingOrganisation"] = uitvoerder, ["decidedOn"] = besloten, ["plannedFor"] = gepland };
            // A date the browser could not check (an old browser, a typed value) is refused, not dropped.
            var f = new Fields();
            var decided = f.Date(besloten, "decidedOn", "the date of the MOT sitting");
            var planned = f.OptionalDate(gepland, "plannedFor");
            f.ThrowIfAny();
            return interventions.HandleAsync(caseId, new InterventionDetails(null, soort ?? "", uitvoerder ?? "", decided, planned, null), Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostVerrijkenAsync(string id, CancellationToken cancellationToken) =>
        SideFormAsync(id, "verrijken", "De registers zijn bevraagd; de bevindingen staan bij de verrijking.", caseId =>
            keten.RunAsync(caseId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostBevindingAsync(string id, [FromForm(Name = "bevinding")] BevindingInvoer? bevinding, CancellationToken cancellationToken) =>
        SideFormAsync(id, "bevinding", "De bevinding is toegevoegd.", caseId =>
        {
            bevinding ??= new BevindingInvoer();
            Typed = new() { ["subject"] = bevinding.Onderwerp, ["note"] = bevinding.Notitie, ["link"] = bevinding.Link, ["date"] = bevinding.Datum, ["source"] = bevinding.Bron };
            return keten.AddFindingAsync(caseId, bevinding, Actor, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostInterventieStatusAsync(string id, string? interventie, string? status, string? datum, string? toelichting,
        CancellationToken cancellationToken) =>
        SideFormAsync(id, $"status-{interventie}", status == "dropped" ? "De interventie is als vervallen gemarkeerd." : "De interventie is als uitgevoerd gemarkeerd.",
            caseId =>
            {
                Typed = new() { ["date"] = datum, ["note"] = toelichting, ["status"] = status };
                return keten.ChangeStatusAsync(caseId, interventie, status, datum, toelichting, Actor, cancellationToken);
            }, cancellationToken);

    /// <summary>Runs one of the side forms: on success back to the case, otherwise the page again with a Dutch message at that form.</summary>
    private async Task<IActionResult> SideFormAsync(string id, string form, string done, Func<CaseId, Task> work, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId)) return NotFound();
        try
        {
            await work(caseId);
            TempData["Melding"] = done;
            return Redirect($"/zaken/{id}");
        }
        catch (EngineProblem problem)
        {
            if (!await LoadAsync(id, cancellationToken)) return NotFound();
            FailedForm = form;
            FieldErrors = DutchMessages.ForFields(problem, field => form == "informatie" && field == "informationDate"
                ? DutchMessages.ForInformationDate(problem, Definition, new StageId(Case.Stage.Id))
                : form is "informatie" or "zwaarte" or "terugkoppeling"
                || (form == "interventie" && field is not ("decidedOn" or "plannedFor"))
                ? DutchMessages.ForSideForm(form, problem) : KetenInvoer.ForField(field));
            FormError = problem.Errors.Count > 0 ? DutchMessages.ForProblem(problem) : DutchMessages.ForSideForm(form, problem);
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
            (Case, var read) = await responder.DetailWithInformationAsync(@case, actor, cancellationToken);
            AddableCategories = access.AddableCategories(@case, actor);
            Findings = actor.HasRoleFor(Permission.ReadInformation) ? await enrichment.FindingsAsync(@case, read, actor, cancellationToken) : [];
            var visitedMot = @case.History.Any(h => Definition.FindStage(h.ToStage)?.Table?.Kind == TableKind.Mot);
            if (visitedMot && actor.HasRoleFor(Permission.RecordIntervention)) InterventionSubtypes = await interventions.SubtypesAsync(cancellationToken);
            if (actor.HasRoleFor(Permission.WriteFeedback)) GivenFeedback = await receipts.GivenAsync(caseId, actor, cancellationToken);
            await keten.LoadAsync(@case, Definition, actor, cancellationToken);
            return true;
        }
        catch (EngineProblem e) when (e.Kind == ProblemKind.NotFound)
        {
            return false;
        }
    }

    /// <summary>The latest date a date field without <c>allowFuture</c> accepts, for the browser's date picker.</summary>
    public string Today => LocalDatePattern.Iso.Format(
        HttpContext.RequestServices.GetRequiredService<IClock>().GetCurrentInstant().InZone(Amsterdam.Zone).Date);

    public string InformationLabel(string? trigger, string key) =>
        Definition.Transitions.FirstOrDefault(t => t.Trigger.Value == trigger)?.Guards.RequiredInformation
            .FirstOrDefault(r => r.Key == key)?.Label ?? key;

    /// <summary>A step's information as a reader takes it in: a date in words, an organisation by its name.</summary>
    public string InformationValue(string? trigger, string key, string value) =>
        Definition.Transitions.FirstOrDefault(t => t.Trigger.Value == trigger)?.Guards.RequiredInformation.FirstOrDefault(r => r.Key == key)?.Type switch
        {
            InformationType.Date when DateRule.Parse(value, out var date) is null => Dutch.Date(date),
            InformationType.Organisation => Definition.Vocabulary.NameOf(new OrganisationId(value)),
            InformationType.YesNo => value == RequiredInformation.Yes ? "ja" : "nee",
            InformationType.Checklist => value.Replace(RequiredInformation.ChecklistSeparator.ToString(), "; ", StringComparison.Ordinal),
            _ => value,
        };

    public string SeverityLabel(string? severity) =>
        Definition.SeverityLevels.FirstOrDefault(l => l.Id.Value == severity)?.Label ?? severity ?? "";

    public TransitionDefinition? TransitionOf(string trigger) =>
        Definition.TransitionsFrom(new StageId(Case.Stage.Id)).FirstOrDefault(t => t.Trigger.Value == trigger);

    /// <summary>The Dutch message per field of the failed step's inspection or interventions.</summary>
    public IReadOnlyDictionary<string, string> StepErrors => ModelState.Where(e => e.Value is { Errors.Count: > 0 })
        .ToDictionary(e => e.Key, e => e.Value!.Errors[0].ErrorMessage);

    /// <summary>Who takes part in an inspection unless told otherwise: the organisations seated at the ATOM.</summary>
    public IReadOnlyList<string> AtomOrganisations => Definition.Vocabulary.DefaultSeatingNames(TableKind.Atom);

    public StepRecord RecordsOf(string trigger) => TransitionOf(trigger) is { } t ? ChainSteps.Records(t) : StepRecord.None;

    /// <summary>Why a step cannot be taken now, in Dutch; empty when it can.</summary>
    public IReadOnlyList<string> WhyNot(AvailableStepDto step) => TransitionOf(step.Trigger) is { } t
        ? StapUitleg.Why(Definition, t, step.BlockedFields, new Severity(Case.Severity.Id), Findings.Count, Keten.PlannedInterventions)
        : [];

    /// <summary>The date of the latest MOT sitting the case was decided in, as the date its interventions carry.</summary>
    public string? LastSittingDate => Case.History.Reverse()
        .Where(h => h.FromStage is { } from && Definition.FindStage(new StageId(from))?.Table?.Kind == TableKind.Mot)
        .SelectMany(h => h.Information.Where(i => Definition.Transitions.Any(t => t.Trigger.Value == h.Trigger
            && KetenInvoer.Dates(t).Any(d => d.Key == i.Key))).Select(i => i.Value))
        .FirstOrDefault();

    public IEnumerable<SeverityLevel> HigherSeverities =>
        Definition.SeverityLevels.Where(l => Definition.Rank(l.Id) > Definition.Rank(new Severity(Case.Severity.Id)));

    public static string CategoryLabel(string category) => category switch
    {
        "open" => "Open bron",
        "half-open" => "Half-open bron (BRP, vergunningen, meldingen)",
        "closed" => "Gesloten bron (politie, fiscaal, Sociale Recherche, RIEC)",
        _ => category,
    };

    public string StageLabel(string? stage) =>
        stage is null ? "" : Definition.FindStage(new StageId(stage))?.Label ?? stage;
}

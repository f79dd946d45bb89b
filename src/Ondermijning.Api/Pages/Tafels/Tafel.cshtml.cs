using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Pages.Zaken;
using Ondermijning.Engine;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Deadlines;
using Ondermijning.Engine.Mot;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Tafels;

/// <summary>
/// The agenda of one LWO, ATOM or MOT sitting: every case waiting for that table, with its possible
/// outcomes, recorded in one submission. Each decision is taken as its own step, so one refused
/// decision does not undo the others; an ATOM decision carries its inspection, a MOT decision its interventions.
/// </summary>
[RequiresPermission(Permission.ReadAgenda)]
public sealed class TafelModel(CaseQueries queries, TakeStepWithOutcomes takeStep, WorkflowCatalog catalog, AccessGate gate,
    RecordIntervention interventions, IClock clock) : PageModel
{
    public sealed class Besluit
    {
        public string Zaak { get; set; } = "";
        public int Revisie { get; set; }
        public string? Stap { get; set; }
        public string? Reden { get; set; }
        public Dictionary<string, string> Informatie { get; set; } = [];
        /// <summary>A checklist's ticked boxes by its key.</summary>
        public Dictionary<string, List<string>> Keuzelijst { get; set; } = [];
        public ControleInvoer? Controle { get; set; }
        public List<InterventieInvoer?> Interventies { get; set; } = [];

        /// <summary>What the row's field <paramref name="key"/> held when the sitting was refused, a checklist's boxes one per line.</summary>
        public string? Ingevuld(string key) =>
            Keuzelijst.TryGetValue(key, out var ticked) ? string.Join(RequiredInformation.ChecklistSeparator, ticked) : Informatie.GetValueOrDefault(key);
    }

    /// <param name="Name">The case's subject (company or person), when it names one.</param>
    /// <param name="Overdue">Whether the case waits longer than its stage allows.</param>
    public sealed record AgendaItem(Case Case, WorkflowDefinition Definition, IReadOnlyList<AvailableStep> Steps, IReadOnlyList<RequiredInformation> ExtraInformation,
        string? Name, bool Overdue)
    {
        public string Short => IndexModel.Short(Case.Id);
        /// <summary>The case by code and subject: "4F0CAE01 (Bakkerij X)".</summary>
        public string Named => Name is null ? Short : $"{Short} ({Name})";
        /// <summary>How the row names its case in its labels: "Besluit voor zaak 4F0CAE01 (Bakkerij X)".</summary>
        public string Label => $"zaak {Named}";
        public IEnumerable<AvailableStep> Decidable => Steps.Where(s => s.BlockedBy.Count == 0);
        public IEnumerable<AvailableStep> Blocked => Steps.Where(s => s.BlockedBy.Count > 0);
        public IEnumerable<string> TriggersRecording(StepRecord records) =>
            Decidable.Where(s => ChainSteps.Records(s.Transition) == records).Select(s => s.Transition.Trigger.Value);
    }

    /// <summary>What happened to one decision of a submission, named by its case ("4F0CAE01 (Bakkerij X)").</summary>
    public sealed record Outcome(string Case, string Label, string Text);

    public TableDefinition Table { get; private set; } = null!;
    public string TableName => Table.Name;
    /// <summary>
    /// At most this many cases on one page of the agenda: a sitting does not weigh more, and the page stays the same size
    /// however long the backlog; the later pages reach every other waiting case.
    /// </summary>
    public const int AgendaLimit = 50;

    public IReadOnlyList<AgendaItem> Agenda { get; private set; } = [];
    /// <summary>Every case waiting (up to the limit), for the regisseur who chooses what goes on the sitting's agenda.</summary>
    public IReadOnlyList<AgendaItem> Waiting { get; private set; } = [];
    /// <summary>How many cases wait for this table in all, of which <see cref="Agenda"/> shows the longest waiting.</summary>
    public int WaitingCount { get; private set; }
    /// <summary>Which <see cref="AgendaLimit"/> of the waiting cases, longest waiting first: page 1 holds the oldest.</summary>
    public int PageNumber { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    /// <summary>The cases the regisseur put on this sitting's agenda; empty means all that wait.</summary>
    public IReadOnlyList<string> Chosen { get; private set; } = [];
    public bool PrintView { get; private set; }
    public bool MayCompose => User.ToActor().HasPermissionsOf(Role.OovRegisseur);
    public string MeetingDate { get; private set; } = "";
    public string? MeetingDateError { get; private set; }
    public Dictionary<string, Besluit> Submitted { get; } = [];
    /// <summary>Per refused case, the Dutch message per field of its row.</summary>
    public Dictionary<string, Dictionary<string, string>> FieldErrors { get; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public List<Outcome> Recorded { get; } = [];
    public List<Outcome> Refused { get; } = [];
    public IReadOnlyList<InterventionSubtype> Subtypes { get; private set; } = [];
    public string Today => LocalDatePattern.Iso.Format(clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
    public string TodayLabel => Dutch.Date(clock.GetCurrentInstant());
    /// <summary>Whether any decision on this agenda is dated by the sitting (an ATOM row is dated by its inspection).</summary>
    public bool AsksMeetingDate => Agenda.Any(a => a.Decidable.Any(s => ChainSteps.Records(s.Transition) != StepRecord.AtomInspection
                                                                         && KetenInvoer.Dates(s.Transition).Any()));

    public async Task<IActionResult> OnGetAsync(string tafel, [FromQuery(Name = "zaken")] List<string>? zaken, string? weergave,
        [FromQuery] int? pagina, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, pagina ?? 1);
        if (!TryTable(tafel)) return NotFound();
        // Refused as the page filter refuses a missing role: the Dutch 403 page, also for a user signed in by token.
        if (gate.AgendaMunicipalities(User.ToActor(), Table).Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        MeetingDate = Today;
        PrintView = weergave == "afdrukken";
        Chosen = ChosenCases(zaken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tafel, string? vergaderdatum, List<Besluit?>? besluiten,
        [FromForm(Name = "zaken")] List<string>? zaken, [FromQuery] int? pagina, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, pagina ?? 1);
        if (!TryTable(tafel)) return NotFound();
        // Refused as the page filter refuses a missing role: the Dutch 403 page, also for a user signed in by token.
        if (gate.AgendaMunicipalities(User.ToActor(), Table).Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        MeetingDate = vergaderdatum ?? "";
        Chosen = ChosenCases(zaken);
        var actor = User.ToActor();
        var chosen = (besluiten ?? []).OfType<Besluit>().Where(b => !string.IsNullOrEmpty(b.Stap)).ToList();

        // The sitting's date dates its decisions and interventions: a wrong one refuses the sitting before any case moves.
        try
        {
            var f = new Fields();
            f.OptionalDate(vergaderdatum, "vergaderdatum", clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
            f.ThrowIfAny();
        }
        catch (EngineProblem problem)
        {
            MeetingDateError = DutchMessages.ForFields(problem, _ => "Vul een geldige datum in.").Values.First();
            foreach (var besluit in chosen) Submitted[besluit.Zaak] = besluit;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        foreach (var besluit in chosen)
        {
            if (!CaseId.TryParse(besluit.Zaak, out var id)) continue;
            var label = IndexModel.Short(id);
            WorkflowDefinition? definition = null;
            TransitionDefinition? transition = null;
            try
            {
                var @case = await queries.GetAsync(id, actor, cancellationToken);
                label = await LabelAsync(@case, cancellationToken);
                definition = catalog.Get(@case.Definition);
                transition = definition.TransitionsFrom(@case.Stage).FirstOrDefault(t => t.Trigger.Value == besluit.Stap);
                var records = transition is null ? StepRecord.None : ChainSteps.Records(transition);
                var information = besluit.Informatie.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
                foreach (var (key, ticked) in StapInformatieVeld.Checklists(besluit.Keuzelijst.Select(kv => (kv.Key, (IEnumerable<string?>)kv.Value))))
                    information[key] = ticked;
                // A sitting dates its outcomes by its own date; an inspection's outcome by the inspection's.
                if (transition is not null)
                    information = KetenInvoer.Dated(transition, information,
                        records == StepRecord.AtomInspection ? besluit.Controle?.Datum?.Trim() ?? "" : vergaderdatum ?? "");
                information = information.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)
                        && transition?.Guards.RequiredInformation.Any(r => r.Key == kv.Key) == true)
                    .ToDictionary(kv => kv.Key, kv => kv.Value);
                var outcomes = KetenInvoer.Outcomes(records, besluit.Controle, besluit.Interventies, vergaderdatum);
                await takeStep.HandleAsync(id, new TriggerRequest(new TriggerId(besluit.Stap!), besluit.Reden, information), besluit.Revisie,
                    outcomes, actor, cancellationToken);
                Recorded.Add(new Outcome(besluit.Zaak, label, transition!.Label));
            }
            catch (EngineProblem problem)
            {
                Submitted[besluit.Zaak] = besluit;
                var fields = definition is null ? [] : DutchMessages.ForStep(problem, transition, definition);
                FieldErrors[besluit.Zaak] = fields;
                var message = problem.Kind == ProblemKind.Conflict ? await DecidedMeanwhileAsync(id, actor, cancellationToken)
                    : fields.Count > 0 ? string.Join(" ", fields.Values.Distinct())
                    : DutchMessages.ForProblem(problem);
                Errors[besluit.Zaak] = message;
                Refused.Add(new Outcome(besluit.Zaak, label, message));
            }
        }

        if (Refused.Count == 0)
        {
            if (Recorded.Count == 0) TempData["Melding"] = "Er zijn geen besluiten gekozen; er is niets vastgelegd.";
            else TempData["Vastgelegd"] = string.Join("\n", Recorded.Select(r => $"{r.Case}\t{r.Label}\t{r.Text}"));
            var query = string.Join("&", Chosen.Select(c => $"zaken={Uri.EscapeDataString(c)}"));
            return Redirect($"/tafels/{tafel}{(query.Length == 0 ? "" : "?" + query)}");
        }
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The decisions of an earlier submission of this agenda, carried over its redirect.</summary>
    public IReadOnlyList<Outcome> RecordedBefore => (TempData["Vastgelegd"] as string ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split('\t')).Where(p => p.Length == 3).Select(p => new Outcome(p[0], p[1], p[2])).ToList();

    /// <summary>A stale row: who decided the case meanwhile, and where it stands now.</summary>
    private async Task<string> DecidedMeanwhileAsync(CaseId id, Actor actor, CancellationToken cancellationToken)
    {
        var @case = await queries.GetAsync(id, actor, cancellationToken);
        var definition = catalog.Get(@case.Definition);
        var last = @case.History.OrderBy(h => h.Sequence).LastOrDefault();
        var stage = definition.Stage(@case.Stage).Label;
        if (last?.Trigger is not { } trigger) return $"Deze zaak is intussen gewijzigd; ze staat nu in ‘{stage}’.";
        var step = definition.Transitions.FirstOrDefault(t => t.Trigger == trigger)?.Label ?? stage;
        return $"Intussen al besloten door {last.ActorName} op {Dutch.DateTime(last.At)}: ‘{step}’. " +
               $"De zaak staat nu in ‘{stage}’; uw besluit is niet vastgelegd.";
    }

    private async Task<string> LabelAsync(Case @case, CancellationToken cancellationToken) =>
        (await queries.SubjectNamesAsync([@case], User.ToActor(), cancellationToken)).TryGetValue(@case.Id, out var name)
            ? $"{IndexModel.Short(@case.Id)} ({name})" : IndexModel.Short(@case.Id);

    /// <summary>The chosen cases by their ids; anything else names no case on this agenda.</summary>
    private static List<string> ChosenCases(List<string>? zaken) =>
        (zaken ?? []).Select(z => CaseId.TryParse(z, out var id) ? id.ToString() : null).OfType<string>().Distinct().ToList();

    private bool TryTable(string tafel)
    {
        if (catalog.Vocabulary.FindTable(tafel) is not { } table) return false;
        Table = table;
        return true;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        // Only the municipalities that seat the user's organisation at this table (the OOV regisseur directs them all).
        var municipalities = gate.AgendaMunicipalities(actor, Table);
        var stages = catalog.All.SelectMany(d => d.Stages).Where(s => s.Table?.Id == Table.Id).Select(s => s.Id).Distinct().ToList();
        // All the table's stages in the municipalities that seat the user, the longest waiting first, so that a long backlog
        // never keeps the oldest cases off the agenda; how many wait in all is counted, and the page says how many others wait.
        var filter = new CaseFilter(Stages: stages, Municipalities: municipalities, PageSize: AgendaLimit, LongestWaitingFirst: true);
        var found = await queries.ListAsync(filter with { Page = PageNumber }, actor, cancellationToken);
        PageCount = Math.Max(1, (found.TotalCount + AgendaLimit - 1) / AgendaLimit);
        // Past the last page (decided meanwhile): the last page, not an empty one.
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            found = await queries.ListAsync(filter with { Page = PageNumber }, actor, cancellationToken);
        }
        WaitingCount = found.TotalCount;
        var cases = found.Items;
        var names = await queries.SubjectNamesAsync(cases, actor, cancellationToken);
        var now = clock.GetCurrentInstant();
        Waiting = cases.Select(@case =>
        {
            var definition = catalog.Get(@case.Definition);
            var steps = queries.AvailableSteps(@case, actor);
            var extra = steps.Where(s => s.BlockedBy.Count == 0).SelectMany(s => s.Transition.Guards.RequiredInformation)
                .Where(r => r.Type != InformationType.Date).DistinctBy(r => r.Key).ToList();
            var due = StageDeadline.DueAt(@case.StageEnteredAt, definition.Stage(@case.Stage).Deadline);
            return new AgendaItem(@case, definition, steps, extra, names.GetValueOrDefault(@case.Id), due < now);
        }).ToList();
        Agenda = Chosen.Count == 0 ? Waiting : Waiting.Where(i => Chosen.Contains(i.Case.Id.ToString())).ToList();
        if (Agenda.Any(a => a.TriggersRecording(StepRecord.Interventions).Any())) Subtypes = await interventions.SubtypesAsync(cancellationToken);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages.Tafels;

/// <summary>
/// The agenda of one LWO, ATOM or MOT sitting: every case waiting for that table, with its possible
/// outcomes, recorded in one submission. Each decision is taken as its own step, so one refused
/// decision does not undo the others.
/// </summary>
[RequiresPermission(Permission.ReadAgenda)]
public sealed class TafelModel(CaseQueries queries, FireTrigger fireTrigger, WorkflowCatalog catalog, AccessGate gate, IClock clock) : PageModel
{
    public sealed class Besluit
    {
        public string Zaak { get; set; } = "";
        public int Revisie { get; set; }
        public string? Stap { get; set; }
        public string? Reden { get; set; }
        public Dictionary<string, string> Informatie { get; set; } = [];
    }

    public sealed record AgendaItem(Case Case, WorkflowDefinition Definition, IReadOnlyList<AvailableStep> Steps, IReadOnlyList<RequiredInformation> ExtraInformation);

    public ChainTable Table { get; private set; }
    public string TableName => TableNames.Name(Table);
    /// <summary>At most this many cases on one agenda: a sitting does not weigh more.</summary>
    public const int AgendaLimit = 200;

    public IReadOnlyList<AgendaItem> Agenda { get; private set; } = [];
    /// <summary>How many cases wait for this table in all, of which <see cref="Agenda"/> shows the longest waiting.</summary>
    public int Waiting { get; private set; }
    public string MeetingDate { get; private set; } = "";
    public Dictionary<string, Besluit> Submitted { get; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(string tafel, CancellationToken cancellationToken)
    {
        if (!TryTable(tafel)) return NotFound();
        // Refused as the page filter refuses a missing role: the Dutch 403 page, also for a user signed in by token.
        if (gate.AgendaMunicipalities(User.ToActor(), Table).Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        MeetingDate = LocalDatePattern.Iso.Format(clock.GetCurrentInstant().InZone(Amsterdam.Zone).Date);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string tafel, string vergaderdatum, List<Besluit?>? besluiten, CancellationToken cancellationToken)
    {
        if (!TryTable(tafel)) return NotFound();
        // Refused as the page filter refuses a missing role: the Dutch 403 page, also for a user signed in by token.
        if (gate.AgendaMunicipalities(User.ToActor(), Table).Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        MeetingDate = vergaderdatum;
        var actor = User.ToActor();
        var recorded = 0;
        // A row index that names no row binds an empty row, or no list at all.
        foreach (var besluit in (besluiten ?? []).OfType<Besluit>().Where(b => !string.IsNullOrEmpty(b.Stap)))
        {
            if (!CaseId.TryParse(besluit.Zaak, out var id)) continue;
            var information = besluit.Informatie.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value.Trim());
            WorkflowDefinition? definition = null;
            TransitionDefinition? transition = null;
            try
            {
                var @case = await queries.GetAsync(id, actor, cancellationToken);
                definition = catalog.Get(@case.Definition);
                transition = definition.TransitionsFrom(@case.Stage).FirstOrDefault(t => t.Trigger.Value == besluit.Stap);
                // The sitting's date is the date every dated outcome of this agenda carries.
                foreach (var date in transition?.Guards.RequiredInformation.Where(r => r.Type == InformationType.Date) ?? [])
                    information[date.Key] = vergaderdatum;
                information = information.Where(kv => transition?.Guards.RequiredInformation.Any(r => r.Key == kv.Key) == true)
                    .ToDictionary(kv => kv.Key, kv => kv.Value);
                await fireTrigger.HandleAsync(id, new TriggerRequest(new TriggerId(besluit.Stap!), besluit.Reden, information), besluit.Revisie, actor, cancellationToken);
                recorded++;
            }
            catch (EngineProblem problem)
            {
                Submitted[besluit.Zaak] = besluit;
                Errors[besluit.Zaak] = problem.Errors.Count > 0 && definition is not null
                    ? string.Join(" ", DutchMessages.ForFields(problem, k => DutchMessages.ForStepField(k, transition, definition)).Values.Distinct())
                    : DutchMessages.ForProblem(problem);
            }
        }

        if (Errors.Count == 0)
        {
            TempData["Melding"] = recorded == 0 ? "Er zijn geen besluiten gekozen." : $"{recorded} {(recorded == 1 ? "besluit" : "besluiten")} vastgelegd.";
            return Redirect($"/tafels/{tafel}");
        }
        TempData["Melding"] = $"{recorded} {(recorded == 1 ? "besluit" : "besluiten")} vastgelegd; {Errors.Count} nog niet, zie hieronder.";
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private bool TryTable(string tafel)
    {
        var found = Enum.TryParse<ChainTable>(tafel, ignoreCase: true, out var table);
        Table = table;
        return found;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        // Only the municipalities that seat the user's organisation at this table (the OOV regisseur directs them all).
        var municipalities = gate.AgendaMunicipalities(actor, Table);
        var stages = catalog.All.SelectMany(d => d.Stages).Where(s => s.Table == Table).Select(s => s.Id).Distinct().ToList();
        var items = new List<AgendaItem>();
        Waiting = 0;
        // Per municipality and stage, the longest waiting first, so that a long backlog never keeps the oldest cases
        // off the agenda; how many wait in all is counted, and the page says when not all of them are shown.
        foreach (var stage in stages)
        foreach (var municipality in municipalities.OrderBy(m => m.Value))
        {
            var page = await queries.ListAsync(new CaseFilter(Stage: stage, Municipality: municipality, PageSize: AgendaLimit, LongestWaitingFirst: true),
                actor, cancellationToken);
            Waiting += page.TotalCount;
            foreach (var @case in page.Items)
            {
                var definition = catalog.Get(@case.Definition);
                var steps = queries.AvailableSteps(@case, actor);
                var extra = steps.SelectMany(s => s.Transition.Guards.RequiredInformation)
                    .Where(r => r.Type != InformationType.Date).DistinctBy(r => r.Key).ToList();
                items.Add(new AgendaItem(@case, definition, steps, extra));
            }
        }
        Agenda = items.OrderBy(i => i.Case.StageEnteredAt).Take(AgendaLimit).ToList();
    }
}

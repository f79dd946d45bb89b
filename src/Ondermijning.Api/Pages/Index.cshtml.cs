using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Search;
using Ondermijning.Api.Signals;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages;

/// <summary>
/// The work board: open cases in columns per stage (the most urgent first, a fixed number per column) or as a sorted,
/// paged list; either way the page's size does not grow with the number of cases, and the counts say what there is.
/// </summary>
[RequiresPermission(Permission.ReadCase)]
public sealed class IndexModel(CaseQueries queries, WorkflowCatalog catalog, AccessGate gate, TableSeating seating, IClock clock) : PageModel
{
    /// <summary>Cards per column: the most urgent; the rest are one link away in the list.</summary>
    public const int ColumnLimit = 15;
    public const int ListPageSize = 50;

    public static readonly IReadOnlyDictionary<string, (CaseOrder Order, string Label)> Orders = new Dictionary<string, (CaseOrder, string)>
    {
        ["ontvangen"] = (CaseOrder.NewestReceived, "Ontvangen (nieuwste eerst)"),
        ["wachttijd"] = (CaseOrder.LongestWaiting, "Wachttijd (langst eerst)"),
        ["fase"] = (CaseOrder.Stage, "Fase (in ketenvolgorde)"),
        ["gemeente"] = (CaseOrder.Municipality, "Gemeente (alfabetisch)"),
    };

    public sealed record Column(StageDefinition Stage, int Count, int Overdue, IReadOnlyList<Card> Cards);
    public sealed record Card(Case Case, string Subject, string SeverityLabel, string StageLabel, IReadOnlyList<AvailableStep> Steps);

    public string? Kanaal { get; set; }
    public string? Branche { get; set; }
    public string? Zwaarte { get; set; }
    public string? Van { get; set; }
    public string? Tot { get; set; }
    public int? Versie { get; set; }
    public string? Fase { get; set; }
    public bool Mijn { get; set; }
    public bool Lijst { get; private set; }
    public string Sorteer { get; private set; } = "ontvangen";
    public int Pagina { get; private set; } = 1;

    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public IReadOnlyList<Card> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + ListPageSize - 1) / ListPageSize);
    public WorkflowDefinition Newest { get; private set; } = null!;
    public IReadOnlyList<StageDefinition> ChainStages { get; private set; } = [];
    /// <summary>Whether this user takes steps at all; only then is "wacht op mij" offered.</summary>
    public bool TakesSteps { get; private set; }
    public Instant Now { get; private set; }

    public async Task OnGetAsync(string? kanaal, string? branche, string? zwaarte, string? van, string? tot, int? versie,
        string? fase, string? mijn, string? weergave, string? sorteer, int? pagina, CancellationToken cancellationToken)
    {
        (Kanaal, Branche, Zwaarte, Van, Tot, Versie, Fase) = (kanaal, branche, zwaarte, van, tot, versie, fase);
        Now = clock.GetCurrentInstant();
        var today = Now.InZone(Amsterdam.Zone).Date;
        Newest = catalog.NewestApplying(catalog.DefaultWorkflow, today);
        var actor = User.ToActor();
        ChainStages = queries.ChainOrder()
            .Select(id => catalog.All.Select(d => d.FindStage(id)).First(s => s is not null)!)
            .Where(s => s.Kind != StageKind.Final)
            .ToList();
        TakesSteps = actor.HasRoleFor(Permission.TakeStep);
        Mijn = TakesSteps && mijn == "ja";
        Lijst = weergave == "lijst";
        if (sorteer is not null && !Orders.ContainsKey(sorteer)) FilterErrors["sorteer"] = "Kies een volgorde uit de lijst.";
        else if (sorteer is not null) Sorteer = sorteer;

        var filter = new CaseFilter(
            DefinitionVersion: versie,
            ReceivedFrom: FilterDate(van, "van"),
            ReceivedTo: FilterDate(tot, "tot"),
            SourceChannel: kanaal is not null && RegisterSignalRequest.Channels.TryGetValue(kanaal, out var channel) ? channel : null,
            Branch: FilterText(branche, "branche", Limits.Branch),
            Severity: FilterSeverity(zwaarte),
            Stage: FilterStage(fase),
            Stages: Mijn ? WaitingFor(actor) : null,
            OpenOnly: true);

        if (Lijst)
        {
            var requested = Math.Max(1, pagina ?? 1);
            var page = await queries.ListAsync(filter with { Order = Orders[Sorteer].Order, Page = requested, PageSize = ListPageSize },
                actor, cancellationToken, CaseParts.Subjects);
            Total = page.TotalCount;
            // A page past the end (the list shrank since the link was made) shows the last one rather than nothing.
            if (page.Items.Count == 0 && requested > Pages)
                page = await queries.ListAsync(filter with { Order = Orders[Sorteer].Order, Page = Pages, PageSize = ListPageSize },
                    actor, cancellationToken, CaseParts.Subjects);
            Pagina = page.PageNumber;
            Rows = page.Items.Select(c => ToCard(c, actor, withSteps: false)).ToList();
            return;
        }

        var counts = (await queries.CountPerStageAsync(filter, actor, Now, cancellationToken)).ToDictionary(s => s.Stage);
        Total = counts.Values.Sum(s => s.Cases);
        var stages = ChainStages.Where(s => filter.Stage is null || s.Id == filter.Stage).ToList();
        foreach (var id in counts.Keys.Where(k => stages.All(s => s.Id != k)))
            stages.Add(catalog.All.Select(d => d.FindStage(id)).First(s => s is not null)!);

        var cards = await queries.MostUrgentAsync(filter, stages.Where(s => counts.ContainsKey(s.Id)).Select(s => s.Id).ToList(), ColumnLimit,
            actor, cancellationToken);
        var columns = new List<Column>();
        foreach (var stage in stages)
        {
            var count = counts.GetValueOrDefault(stage.Id);
            columns.Add(new Column(stage, count?.Cases ?? 0, count?.Overdue ?? 0,
                cards.GetValueOrDefault(stage.Id)?.Select(c => ToCard(c, actor, withSteps: true)).ToList() ?? []));
        }
        Columns = columns;
    }

    private Card ToCard(Case c, Actor actor, bool withSteps)
    {
        var definition = catalog.Get(c.Definition);
        var subject = gate.Allows(c, actor, Permission.ReadCase) ? SearchSubjects.Of(c) : null;
        var steps = withSteps && gate.Allows(c, actor, Permission.TakeStep)
            ? queries.AvailableSteps(c, actor).Where(s => s.BlockedBy.Count == 0).ToList()
            : [];
        return new Card(c, subject ?? "Geen betrokkene bekend", definition.SeverityLabel(c.Severity), definition.Stage(c.Stage).Label, steps);
    }

    /// <summary>The stages where this user may take a step: they pass a step's role and organisation guards, and at a table they are seated.</summary>
    private IReadOnlyCollection<StageId> WaitingFor(Actor actor) =>
        catalog.All
            .SelectMany(d => d.Stages.Where(stage => d.TransitionsFrom(stage.Id).Any(t => t.Guards.Admits(actor)))
                .Where(stage => actor.Municipalities.Any(m => actor.Holds(Permission.TakeStep, m, stage.Table, seating))))
            .Select(s => s.Id)
            .ToHashSet();

    /// <summary>A filter value the engine's rules refuse is said next to its field, and does not filter.</summary>
    public Dictionary<string, string> FilterErrors { get; } = [];

    private LocalDate? FilterDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if ((DateRule.Parse(text.Trim(), out var date) ?? DateRule.Check(date)) is not { } breach) return date;
        FilterErrors[field] = DutchMessages.ForBreach(breach);
        return null;
    }

    /// <summary>A filter text the engine's text rule refuses (a control character, too long) is said next to its field.</summary>
    private string? FilterText(string? text, string field, int limit)
    {
        if (TextRule.Check(text, limit, TextKind.SingleLine, out var trimmed) is not { } breach) return trimmed;
        FilterErrors[field] = DutchMessages.ForBreach(breach);
        return null;
    }

    private Severity? FilterSeverity(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var level = catalog.All.SelectMany(d => d.SeverityLevels).FirstOrDefault(l => l.Id.Value == text.Trim());
        if (level is null) FilterErrors["zwaarte"] = "Kies een zwaarte uit de lijst.";
        return level?.Id;
    }

    private StageId? FilterStage(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var stage = ChainStages.FirstOrDefault(s => s.Id.Value == text.Trim());
        if (stage is null) FilterErrors["fase"] = "Kies een fase uit de lijst.";
        return stage?.Id;
    }

    /// <summary>This board's address with some of its settings changed, the others (filters, view, order) kept.</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var query = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        foreach (var (key, value) in changes) query[key] = value;
        var kept = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value!)}");
        return "/?" + string.Join("&", kept);
    }

    public bool IsOverdue(Case c) => c.DueAt is { } due && due < Now;

    public string Waiting(Case c) => Dutch.Days(Now - c.StageEnteredAt);

    public static string ChannelLabel(SourceChannel channel) => channel switch
    {
        SourceChannel.MeldMisdaadAnoniem => "Meld Misdaad Anoniem",
        SourceChannel.MeldingGemeente => "Melding gemeente",
        SourceChannel.MeldingPolitie => "Melding politie",
        SourceChannel.Bewonersgesprek => "Bewonersgesprek (ONDERSCHAT)",
        SourceChannel.Professional => "Professional",
        _ => channel.ToString(),
    };

    public static string Short(CaseId id) => Engine.Search.CaseSearchTerm.CaseCode(id).ToUpperInvariant();
}

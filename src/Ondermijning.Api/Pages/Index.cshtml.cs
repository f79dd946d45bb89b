using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Ondermijning.Api.Access;
using Ondermijning.Api.Identity;
using Ondermijning.Api.Signals;
using Ondermijning.Engine.Cases;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages;

/// <summary>The work board: open cases in columns per stage, with the steps this user may take.</summary>
[RequiresPermission(Permission.ReadCase)]
public sealed class IndexModel(CaseQueries queries, WorkflowCatalog catalog, IClock clock) : PageModel
{
    public const int BoardLimit = 500;

    public sealed record Column(StageDefinition Stage, IReadOnlyList<Card> Cards);
    public sealed record Card(Case Case, string SeverityLabel, IReadOnlyList<AvailableStep> Steps);

    public string? Kanaal { get; set; }
    public string? Branche { get; set; }
    public string? Zwaarte { get; set; }
    public string? Van { get; set; }
    public string? Tot { get; set; }
    public int? Versie { get; set; }

    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public int Total { get; private set; }
    public WorkflowDefinition Newest { get; private set; } = null!;
    public LocalDate Today { get; private set; }
    public Instant Now { get; private set; }

    public async Task OnGetAsync(string? kanaal, string? branche, string? zwaarte, string? van, string? tot, int? versie,
        CancellationToken cancellationToken)
    {
        (Kanaal, Branche, Zwaarte, Van, Tot, Versie) = (kanaal, branche, zwaarte, van, tot, versie);
        Now = clock.GetCurrentInstant();
        Today = Now.InZone(Amsterdam.Zone).Date;
        Newest = catalog.NewestApplying(catalog.DefaultWorkflow, Today);

        var filter = new CaseFilter(
            DefinitionVersion: versie,
            ReceivedFrom: FilterDate(van, "van"),
            ReceivedTo: FilterDate(tot, "tot"),
            PageSize: BoardLimit,
            SourceChannel: kanaal is not null && RegisterSignalRequest.Channels.TryGetValue(kanaal, out var channel) ? channel : null,
            Branch: FilterText(branche, "branche", Limits.Branch),
            Severity: FilterSeverity(zwaarte),
            OpenOnly: true);
        var actor = User.ToActor();
        var page = await queries.ListAsync(filter, actor, cancellationToken);
        Total = page.TotalCount;

        var stages = Newest.Stages.Where(s => s.Kind != StageKind.Final).ToList();
        foreach (var stage in page.Items.Select(c => catalog.Get(c.Definition).Stage(c.Stage)))
            if (stages.All(s => s.Id != stage.Id)) stages.Add(stage);

        Columns = stages.Select(stage => new Column(stage, page.Items
                .Where(c => c.Stage == stage.Id)
                .Select(c => new Card(c, catalog.Get(c.Definition).SeverityLabel(c.Severity),
                    queries.AvailableSteps(c, actor).Where(s => s.BlockedBy.Count == 0).ToList()))
                .ToList()))
            .ToList();
    }

    /// <summary>A filter date the engine's date rule refuses is said next to its field, and does not filter.</summary>
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

    public string Date(Instant instant) => instant.InZone(Amsterdam.Zone).Date.ToString("d MMM yyyy", new System.Globalization.CultureInfo("nl-NL"));
}

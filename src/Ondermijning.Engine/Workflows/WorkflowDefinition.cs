using NodaTime;
using NodaTime.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

public enum StageKind { Start, Work, Table, Final }

public sealed record SeverityLevel(Severity Id, string Label);

/// <param name="Table">For a stage of kind table: the table of the vocabulary it sits at.</param>
public sealed record StageDefinition(StageId Id, string Label, StageKind Kind, TableDefinition? Table, Period? Deadline);

/// <summary>What kind of value a step asks for; the definition declares it, the engine checks it.</summary>
public enum InformationType { Text, Date, Organisation, Choice, YesNo, Checklist }

/// <summary>A piece of information the user must supply when firing a trigger, such as the LWO meeting date.</summary>
/// <param name="MaxLength">For text: at most this many characters.</param>
/// <param name="AllowFuture">For a date: whether it may lie after today (Europe/Amsterdam); a meeting or check is recorded after it took place.</param>
/// <param name="Values">For a choice or a checklist: the values allowed.</param>
public sealed record RequiredInformation(string Key, string Label, InformationType Type = InformationType.Text,
    int MaxLength = RequiredInformation.DefaultMaxLength, bool AllowFuture = false, IReadOnlyList<string>? Values = null)
{
    public const int DefaultMaxLength = 500;
    public const int LongestMaxLength = 8000;
    /// <summary>How a yes/no answer is stored; "ja" and "nee" are read as well, as a Dutch form sends them.</summary>
    public const string Yes = "true", No = "false";
    /// <summary>A checklist's ticked values are stored one per line, in the order the definition lists them.</summary>
    public const char ChecklistSeparator = '\n';

    public IReadOnlyList<string> Choices => Values ?? [];
    /// <summary>Dutch help text shown with the field.</summary>
    public string? Help { get; init; }
    /// <summary>What this input means for the outcome its step records.</summary>
    public InputRole? Role { get; init; }
    /// <summary>For a checklist: at least this many values are ticked.</summary>
    public int Minimum { get; init; }
    /// <summary>For an organisation: the organisations of the vocabulary the definition was read with.</summary>
    public IReadOnlyList<Organisation> Organisations { get; init; } = [];

    /// <summary>
    /// The value as it is stored (trimmed; a date in ISO form; an organisation by its id), or the problem with it in words
    /// that name the field.
    /// </summary>
    public (string? Value, string? Problem) Check(string text, LocalDate today)
    {
        var value = text.Trim();
        switch (Type)
        {
            case InformationType.Date:
                var date = LocalDatePattern.Iso.Parse(value);
                if (!date.Success) return (null, $"'{Label}' ({Key}) is a date, written as YYYY-MM-DD; '{Shorten(value)}' is not one.");
                if (!AllowFuture && date.Value > today)
                    return (null, $"'{Label}' ({Key}) lies in the future ({date.Value:uuuu-MM-dd}); record the step once it has taken place.");
                return (LocalDatePattern.Iso.Format(date.Value), null);
            case InformationType.Organisation:
                var organisation = Organisations.FirstOrDefault(o => string.Equals(o.Id.Value, value, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(o.Name, value, StringComparison.OrdinalIgnoreCase)
                    || o.Name.StartsWith(value + " (", StringComparison.OrdinalIgnoreCase));
                return organisation is null
                    ? (null, $"'{Label}' ({Key}) is one of the known organisations ({string.Join(", ", Organisations.Select(o => o.Id))}); '{Shorten(value)}' is not.")
                    : (organisation.Id.Value, null);
            case InformationType.Choice:
                return Choices.Contains(value, StringComparer.Ordinal)
                    ? (value, null)
                    : (null, $"'{Label}' ({Key}) is one of: {string.Join(", ", Choices)}; '{Shorten(value)}' is not.");
            case InformationType.YesNo:
                return value.ToLowerInvariant() switch
                {
                    Yes or "ja" => (Yes, null),
                    No or "nee" => (No, null),
                    _ => (null, $"'{Label}' ({Key}) is yes or no ({Yes} or {No}); '{Shorten(value)}' is neither."),
                };
            case InformationType.Checklist:
                var ticked = value.Split(ChecklistSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
                if (ticked.FirstOrDefault(t => !Choices.Contains(t, StringComparer.Ordinal)) is { } unknown)
                    return (null, $"'{Label}' ({Key}) ticks values of: {string.Join(", ", Choices)}; '{Shorten(unknown)}' is not one.");
                if (ticked.Count < Minimum)
                    return (null, $"'{Label}' ({Key}) needs at least {Minimum} ticked value(s), one per line; {ticked.Count} given.");
                return (string.Join(ChecklistSeparator, Choices.Where(ticked.Contains)), null);
            default:
                return value.Length <= MaxLength
                    ? (value, null)
                    : (null, $"'{Label}' ({Key}) is at most {MaxLength} characters; this is {value.Length}.");
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

public sealed record TransitionGuards(
    Severity? MinimumSeverity,
    bool ReasonRequired,
    IReadOnlyList<RequiredInformation> RequiredInformation,
    IReadOnlySet<Role> Roles)
{
    public static readonly TransitionGuards None = new(null, false, [], new HashSet<Role>());

    /// <summary>
    /// The organisations whose users may take the step, next to <see cref="Roles"/>: a protocol that keeps its first
    /// steps inside the municipality says so here. Empty means any organisation.
    /// </summary>
    public IReadOnlySet<OrganisationId> Organisations { get; init; } = new HashSet<OrganisationId>();

    /// <summary>Whether the step is the actor's to take by who they are: a role and an organisation it names, where it names them.</summary>
    public bool Admits(Actor actor) =>
        (Roles.Count == 0 || Roles.Any(actor.HasRole)) && (Organisations.Count == 0 || Organisations.Contains(actor.Organisation));
}

public sealed record TransitionDefinition(StageId From, StageId To, TriggerId Trigger, string Label, TransitionGuards Guards)
{
    /// <summary>The outcome this step records, as declared; none for a step that only moves the case.</summary>
    public StepOutcome? Records { get; init; }

    /// <summary>The input that plays <paramref name="role"/> for the recorded outcome, if the step asks for one.</summary>
    public RequiredInformation? InputFor(InputRole role) => Guards.RequiredInformation.FirstOrDefault(r => r.Role == role);
}

/// <summary>
/// One immutable version of a workflow, loaded from <c>workflows/{id}/v{n}.json</c>. Cases are pinned to
/// the version they started on, so everything a running case needs to know lives here.
/// </summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<StageId, StageDefinition> _stages;
    private readonly Dictionary<Severity, int> _severityRank;

    public WorkflowDefinition(DefinitionKey key, string title, LocalDate appliesFrom,
        IReadOnlyList<SeverityLevel> severityLevels, IReadOnlyList<StageDefinition> stages,
        IReadOnlyList<TransitionDefinition> transitions, string contentHash, string sourceFile)
    {
        Key = key;
        Title = title;
        AppliesFrom = appliesFrom;
        SeverityLevels = severityLevels;
        Stages = stages;
        Transitions = transitions;
        ContentHash = contentHash;
        SourceFile = sourceFile;
        _stages = stages.ToDictionary(s => s.Id);
        _severityRank = severityLevels.Select((level, index) => (level.Id, index)).ToDictionary(x => x.Id, x => x.index);
    }

    public DefinitionKey Key { get; }
    public string Title { get; }
    public LocalDate AppliesFrom { get; }
    public IReadOnlyList<SeverityLevel> SeverityLevels { get; }
    public IReadOnlyList<StageDefinition> Stages { get; }
    public IReadOnlyList<TransitionDefinition> Transitions { get; }
    /// <summary>SHA-256 of the definition's canonical JSON; a version in use must keep it.</summary>
    public string ContentHash { get; }
    public string SourceFile { get; }
    /// <summary>The JSON as written, kept in the database so that every instance reads the same version.</summary>
    public string Content { get; init; } = "";
    /// <summary>The privacy protocol of this version: who may add and read which information where.</summary>
    public IReadOnlyList<InformationGate> Gates { get; init; } = [];
    /// <summary>Who sees the case's own content at which stages; a stage none of them names is open to every case reader.</summary>
    public IReadOnlyList<CaseGate> CaseGates { get; init; } = [];
    /// <summary>When personal data of closed cases are erased; none means they are kept.</summary>
    public RetentionPolicy? Retention { get; init; }
    /// <summary>The organisations, roles and tables the definition was read against: where their names come from.</summary>
    public Vocabulary Vocabulary { get; init; } = Vocabulary.Empty;

    public CaseGate? CaseGateAt(StageId stage) => CaseGates.FirstOrDefault(g => g.Stages.Contains(stage));

    public StageDefinition StartStage => Stages.Single(s => s.Kind == StageKind.Start);
    public Severity LowestSeverity => SeverityLevels[0].Id;

    public StageDefinition? FindStage(StageId id) => _stages.GetValueOrDefault(id);

    public StageDefinition Stage(StageId id) =>
        FindStage(id) ?? throw new InvalidOperationException($"{Key} has no stage '{id}'.");

    public bool HasSeverity(Severity severity) => _severityRank.ContainsKey(severity);

    public int Rank(Severity severity) => _severityRank.TryGetValue(severity, out var rank)
        ? rank
        : throw new InvalidOperationException($"{Key} has no severity level '{severity}'.");

    public string SeverityLabel(Severity severity) =>
        SeverityLevels.FirstOrDefault(l => l.Id == severity)?.Label ?? severity.Value;

    public IEnumerable<TransitionDefinition> TransitionsFrom(StageId stage) => Transitions.Where(t => t.From == stage);

    public bool DefinesTrigger(TriggerId trigger) => Transitions.Any(t => t.Trigger == trigger);

    /// <summary>
    /// The gate that governs information of <paramref name="category"/> added at <paramref name="stage"/> while the case
    /// had <paramref name="severity"/>: of the gates whose minimum is met, the one with the highest minimum, so that a
    /// stricter rule for heavier cases wins over the general one.
    /// </summary>
/// <summary>The gates that let information of <paramref name="category"/> in at this stage and severity, whoever adds it.</summary>
    public IReadOnlyList<InformationGate> OpenGates(StageId stage, InformationCategory category, Severity severity) =>
        HasSeverity(severity)
            ? Gates.Where(g => g.Stage == stage && g.Category == category && Rank(g.MinimumSeverity) <= Rank(severity)).ToList()
            : [];

    /// <summary>
    /// The gate an item of <paramref name="author"/> passes. Several gates may cover one stage and category for different
    /// authors (fiscal information under fiscal secrecy reaches fewer readers than police information); of an author's
    /// gates the one with the highest minimum severity applies.
    /// </summary>
    public InformationGate? GateFor(StageId stage, InformationCategory category, Severity severity, OrganisationId author) =>
        OpenGates(stage, category, severity)
            .Where(g => g.AddedBy.Contains(author))
            .OrderByDescending(g => Rank(g.MinimumSeverity))
            .FirstOrDefault();
}

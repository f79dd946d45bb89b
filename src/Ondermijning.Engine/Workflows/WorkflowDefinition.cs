using NodaTime;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

public enum StageKind { Start, Work, Table, Final }

/// <summary>The consultation tables of the chain.</summary>
public enum ChainTable { Lwo, Atom, Mot }

public sealed record SeverityLevel(Severity Id, string Label);

public sealed record StageDefinition(StageId Id, string Label, StageKind Kind, ChainTable? Table, Period? Deadline);

/// <summary>A piece of information the user must supply when firing a trigger, such as the LWO meeting date.</summary>
public sealed record RequiredInformation(string Key, string Label);

public sealed record TransitionGuards(
    Severity? MinimumSeverity,
    bool ReasonRequired,
    IReadOnlyList<RequiredInformation> RequiredInformation,
    IReadOnlySet<Role> Roles)
{
    public static readonly TransitionGuards None = new(null, false, [], new HashSet<Role>());
}

public sealed record TransitionDefinition(StageId From, StageId To, TriggerId Trigger, string Label, TransitionGuards Guards);

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
    /// <summary>The privacy protocol of this version: who may add and read which information where.</summary>
    public IReadOnlyList<InformationGate> Gates { get; init; } = [];
    /// <summary>When personal data of closed cases are erased; none means they are kept.</summary>
    public RetentionPolicy? Retention { get; init; }

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

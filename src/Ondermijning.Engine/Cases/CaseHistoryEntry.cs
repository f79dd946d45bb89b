using System.Text.Json;
using NodaTime;
using Ondermijning.Engine.Common;

namespace Ondermijning.Engine.Cases;

public enum HistoryKind
{
    Registered,
    Transition,
    Migration,
    /// <summary>The severity went up, with the reason; it decides what information may be shared.</summary>
    SeverityRaised,
    /// <summary>Retention erased the case's personal data.</summary>
    Erased,
}

/// <summary>One line of a case's append-only history. Never updated once written.</summary>
public sealed class CaseHistoryEntry
{
    private CaseHistoryEntry() { }

    public long Id { get; private set; }
    public CaseId CaseId { get; private set; }
    /// <summary>The case revision this entry produced; unique per case, so no change is recorded twice.</summary>
    public int Sequence { get; internal set; }
    public HistoryKind Kind { get; private set; }
    /// <summary>When it happened: for a step taken on paper, the step's own moment, which the statistics count.</summary>
    public Instant At { get; private set; }
    /// <summary>When a step taken earlier was recorded (by <see cref="ActorName"/>); null when it was recorded as it was taken.</summary>
    public Instant? RecordedAt { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string ActorOrganisation { get; private set; } = "";
    public StageId? FromStage { get; private set; }
    public StageId ToStage { get; private set; }
    public TriggerId? Trigger { get; private set; }
    public string? Reason { get; private set; }
    public WorkflowId Workflow { get; private set; }
    /// <summary>The definition version the case is on after this entry.</summary>
    public int DefinitionVersion { get; private set; }
    /// <summary>For a migration: the version the case came from.</summary>
    public int? FromDefinitionVersion { get; private set; }
    public string InformationJson { get; private set; } = "{}";

    public const string FromWorkflowKey = "fromWorkflow";
    public const string FromSeverityKey = "fromSeverity";
    public const string ToSeverityKey = "toSeverity";

    /// <summary>The reason and step information go with the case's content; see <see cref="Case.Withhold"/>.</summary>
    internal void Withhold()
    {
        Reason = null;
        InformationJson = "{}";
    }

    public IReadOnlyDictionary<string, string> Information =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(InformationJson) ?? [];

    private static CaseHistoryEntry Create(CaseId caseId, HistoryKind kind, Instant at, Actor actor, StageId? from, StageId to,
        DefinitionKey definition) => new()
    {
        CaseId = caseId,
        Kind = kind,
        At = at,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        ActorOrganisation = actor.Organisation.Value,
        FromStage = from,
        ToStage = to,
        Workflow = definition.Workflow,
        DefinitionVersion = definition.Version,
    };

    internal static CaseHistoryEntry Registered(CaseId caseId, Instant at, Actor actor, StageId start, DefinitionKey definition) =>
        Create(caseId, HistoryKind.Registered, at, actor, null, start, definition);

    internal static CaseHistoryEntry Transition(CaseId caseId, Instant at, Instant? recordedAt, Actor actor, StageId from, StageId to,
        TriggerId trigger, string? reason, IReadOnlyDictionary<string, string> information, DefinitionKey definition)
    {
        var entry = Create(caseId, HistoryKind.Transition, at, actor, from, to, definition);
        entry.RecordedAt = recordedAt;
        entry.Trigger = trigger;
        entry.Reason = reason;
        entry.InformationJson = JsonSerializer.Serialize(information);
        return entry;
    }

    internal static CaseHistoryEntry SeverityChange(CaseId caseId, Instant at, Actor actor, StageId stage, DefinitionKey definition,
        Severity from, Severity to, string reason)
    {
        var entry = Create(caseId, HistoryKind.SeverityRaised, at, actor, stage, stage, definition);
        entry.Reason = reason;
        entry.InformationJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["from"] = from.Value, ["to"] = to.Value });
        return entry;
    }

    internal static CaseHistoryEntry Erasure(CaseId caseId, Instant at, Actor actor, StageId stage, DefinitionKey definition, string reason)
    {
        var entry = Create(caseId, HistoryKind.Erased, at, actor, stage, stage, definition);
        entry.Reason = reason;
        return entry;
    }

    /// <summary>A move to another workflow, or to another severity level, is kept in the entry's information.</summary>
    internal static CaseHistoryEntry Migration(CaseId caseId, Instant at, Actor actor, StageId from, StageId to,
        DefinitionKey fromDefinition, DefinitionKey toDefinition, Severity fromSeverity, Severity toSeverity, string reason)
    {
        var entry = Create(caseId, HistoryKind.Migration, at, actor, from, to, toDefinition);
        entry.FromDefinitionVersion = fromDefinition.Version;
        entry.Reason = reason;
        var information = new Dictionary<string, string>();
        if (fromDefinition.Workflow != toDefinition.Workflow) information[FromWorkflowKey] = fromDefinition.Workflow.Value;
        if (fromSeverity != toSeverity) (information[FromSeverityKey], information[ToSeverityKey]) = (fromSeverity.Value, toSeverity.Value);
        entry.InformationJson = JsonSerializer.Serialize(information);
        return entry;
    }
}

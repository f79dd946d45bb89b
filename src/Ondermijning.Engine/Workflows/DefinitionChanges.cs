using Ondermijning.Engine.Privacy;

namespace Ondermijning.Engine.Workflows;

public enum DefinitionPart { Title, SeverityLevel, Stage, Transition, Gate, Retention }

public enum ChangeKind { Added, Removed, Changed }

/// <summary>One difference between two versions; <see cref="Before"/> and <see cref="After"/> are compact, language-neutral summaries.</summary>
public sealed record DefinitionChange(DefinitionPart Part, string Id, ChangeKind Kind, string? Before, string? After);

/// <summary>What a new version changes against the one before it, so an administrator sees what they are about to publish.</summary>
public static class DefinitionChanges
{
    public static IReadOnlyList<DefinitionChange> Between(WorkflowDefinition? before, WorkflowDefinition after)
    {
        var changes = new List<DefinitionChange>();
        if (before is null) return changes;
        if (before.Title != after.Title) changes.Add(new(DefinitionPart.Title, "title", ChangeKind.Changed, before.Title, after.Title));
        Compare(changes, DefinitionPart.SeverityLevel, Summaries(before.SeverityLevels, l => l.Id.Value, l => l.Label), Summaries(after.SeverityLevels, l => l.Id.Value, l => l.Label));
        Compare(changes, DefinitionPart.Stage, Summaries(before.Stages, s => s.Id.Value, Stage), Summaries(after.Stages, s => s.Id.Value, Stage));
        Compare(changes, DefinitionPart.Transition, Summaries(before.Transitions, TransitionId, Transition), Summaries(after.Transitions, TransitionId, Transition));
        Compare(changes, DefinitionPart.Gate, Summaries(before.Gates, g => g.Id, Gate), Summaries(after.Gates, g => g.Id, Gate));
        var (retentionBefore, retentionAfter) = (Retention(before.Retention), Retention(after.Retention));
        if (retentionBefore != retentionAfter)
            changes.Add(new(DefinitionPart.Retention, "retention",
                retentionBefore is null ? ChangeKind.Added : retentionAfter is null ? ChangeKind.Removed : ChangeKind.Changed, retentionBefore, retentionAfter));
        return changes;
    }

    private static Dictionary<string, string> Summaries<T>(IEnumerable<T> items, Func<T, string> id, Func<T, string> summary) =>
        items.GroupBy(id).ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(summary)));

    private static void Compare(List<DefinitionChange> changes, DefinitionPart part, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var (id, summary) in before)
        {
            if (!after.TryGetValue(id, out var now)) changes.Add(new(part, id, ChangeKind.Removed, summary, null));
            else if (now != summary) changes.Add(new(part, id, ChangeKind.Changed, summary, now));
        }
        foreach (var (id, summary) in after.Where(x => !before.ContainsKey(x.Key)))
            changes.Add(new(part, id, ChangeKind.Added, null, summary));
    }

    private static string Stage(StageDefinition s) =>
        Join(s.Label, s.Kind.ToString().ToLowerInvariant(), s.Table?.Id.Value.ToUpperInvariant(), s.Deadline?.ToString());

    private static string TransitionId(TransitionDefinition t) => $"{t.From} → {t.Trigger}";

    private static string Transition(TransitionDefinition t) =>
        Join($"{t.From} → {t.To}", t.Label,
            t.Guards.MinimumSeverity is { } minimum ? $"≥ {minimum}" : null,
            t.Guards.ReasonRequired ? "reason" : null,
            t.Guards.RequiredInformation.Count > 0 ? string.Join(", ", t.Guards.RequiredInformation.Select(i => $"{i.Key}:{i.Type.ToString().ToLowerInvariant()}")) : null,
            t.Guards.Roles.Count > 0 ? string.Join(", ", t.Guards.Roles.Select(r => r.Value).Order()) : null);

    private static string Gate(InformationGate g) =>
        Join(g.Stage.Value, $"≥ {g.MinimumSeverity}", g.Category.ToString(),
            string.Join(", ", g.AddedBy.Select(o => o.Value).Order()) + " → " + string.Join(", ", g.Readers.Select(o => o.Value).Order()));

    private static string? Retention(RetentionPolicy? r) => r is null
        ? null
        : Join(r.AfterFinal.ToString(), string.Join(", ", r.PerStage.OrderBy(x => x.Key.Value).Select(x => $"{x.Key}: {x.Value}")));

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
}

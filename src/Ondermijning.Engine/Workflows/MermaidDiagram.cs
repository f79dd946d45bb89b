using System.Text;

namespace Ondermijning.Engine.Workflows;

/// <summary>Draws a definition version as a Mermaid state diagram.</summary>
public static class MermaidDiagram
{
    public static string Render(WorkflowDefinition definition)
    {
        var text = new StringBuilder();
        text.AppendLine("stateDiagram-v2");
        text.AppendLine($"    %% {definition.Title} ({definition.Key}, vanaf {definition.AppliesFrom:yyyy-MM-dd})");
        foreach (var stage in definition.Stages)
        {
            var suffix = stage.Table is { } table ? $" [{table.ToString().ToUpperInvariant()}]" : "";
            text.AppendLine($"    {Id(stage.Id.Value)} : {Label(stage.Label)}{suffix}");
        }
        text.AppendLine($"    [*] --> {Id(definition.StartStage.Id.Value)}");
        foreach (var t in definition.Transitions)
            text.AppendLine($"    {Id(t.From.Value)} --> {Id(t.To.Value)} : {Label(t.Label)}");
        foreach (var stage in definition.Stages.Where(s => s.Kind == StageKind.Final))
            text.AppendLine($"    {Id(stage.Id.Value)} --> [*]");
        return text.ToString();
    }

    // Mermaid state ids may not contain hyphens; labels may not contain the colon that separates them.
    private static string Id(string stage) => stage.Replace('-', '_');
    private static string Label(string label) => label.Replace(":", " –").Replace("\n", " ");
}

using System.Net;
using System.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

/// <summary>
/// Draws a definition version as an SVG, server-side, so the pages need no JavaScript: stages in columns by
/// their distance from the start, transitions as arrows (their labels as tooltips and in the table beside it).
/// </summary>
public static class SvgDiagram
{
    private const int BoxWidth = 190, BoxHeight = 54, ColumnGap = 70, RowGap = 18, Margin = 16;

    public static string Render(WorkflowDefinition definition)
    {
        var depth = new Dictionary<StageId, int> { [definition.StartStage.Id] = 0 };
        var queue = new Queue<StageId>([definition.StartStage.Id]);
        while (queue.TryDequeue(out var stage))
            foreach (var t in definition.TransitionsFrom(stage))
                if (depth.TryAdd(t.To, depth[stage] + 1)) queue.Enqueue(t.To);

        var position = new Dictionary<StageId, (int X, int Y)>();
        foreach (var column in definition.Stages.GroupBy(s => depth.GetValueOrDefault(s.Id)).OrderBy(g => g.Key))
        {
            var row = 0;
            foreach (var stage in column)
                position[stage.Id] = (Margin + column.Key * (BoxWidth + ColumnGap), Margin + row++ * (BoxHeight + RowGap));
        }
        var width = position.Values.Max(p => p.X) + BoxWidth + Margin;
        var height = position.Values.Max(p => p.Y) + BoxHeight + Margin;

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Segoe UI, Noto Sans, Arial, sans-serif" font-size="12">""");
        svg.Append($"<title>{Escape(definition.Title)} (versie {definition.Key.Version})</title>");
        svg.Append("""<defs><marker id="pijl" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6470"/></marker></defs>""");
        foreach (var t in definition.Transitions)
        {
            var (fx, fy) = position[t.From];
            var (tx, ty) = position[t.To];
            var (x1, y1, x2, y2) = tx > fx
                ? (fx + BoxWidth, fy + BoxHeight / 2, tx, ty + BoxHeight / 2)
                : (fx + BoxWidth / 2, fy, tx + BoxWidth / 2, ty + BoxHeight);
            var path = tx > fx ? $"M{x1},{y1} C{x1 + ColumnGap / 2},{y1} {x2 - ColumnGap / 2},{y2} {x2},{y2}" : $"M{x1},{y1} C{x1},{y1 - 40} {x2},{y2 + 40} {x2},{y2}";
            svg.Append($"""<path d="{path}" fill="none" stroke="#5b6470" stroke-width="1.3" marker-end="url(#pijl)"><title>{Escape(t.Label)}</title></path>""");
        }
        foreach (var stage in definition.Stages)
        {
            var (x, y) = position[stage.Id];
            var (fill, stroke) = stage.Kind switch
            {
                StageKind.Start => ("#e8f5e9", "#2e7d32"),
                StageKind.Table => ("#e6eef7", "#154273"),
                StageKind.Final => ("#f1f1f1", "#5b6470"),
                _ => ("#ffffff", "#154273"),
            };
            svg.Append($"""<g><rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{(stage.Kind == StageKind.Final ? 1 : 1.6)}"/>""");
            var lines = Wrap(stage.Label, 28).Take(stage.Table is null ? 3 : 2).ToList();
            if (stage.Table is { } table) lines.Insert(0, table.ToString().ToUpperInvariant());
            for (var i = 0; i < lines.Count; i++)
                svg.Append($"""<text x="{x + BoxWidth / 2}" y="{y + BoxHeight / 2 + (i - (lines.Count - 1) / 2.0) * 14 + 4:0}" text-anchor="middle" fill="#1b1b1b"{(i == 0 && stage.Table is not null ? " font-weight=\"700\"" : "")}>{Escape(lines[i])}</text>""");
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}

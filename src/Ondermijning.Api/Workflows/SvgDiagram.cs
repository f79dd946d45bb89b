using System.Net;
using System.Text;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Workflows;

/// <summary>
/// Draws a definition version as an SVG, server-side, so the pages need no JavaScript: stages in columns by their distance
/// from the start, transitions as right-angled arrows (their labels as tooltips and in the table beside it). An arrow runs
/// only through the gaps between columns and a corridor below the boxes, never through a box, and ends on the side of its
/// target that faces the gap it comes from.
/// </summary>
public static class SvgDiagram
{
    private const int BoxWidth = 190, BoxHeight = 54, ColumnGap = 90, RowGap = 18, Margin = 16, LaneStep = 6;

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
        var boxesBottom = position.Values.Max(p => p.Y) + BoxHeight;
        var routes = Route(definition, depth, position, boxesBottom);
        var width = position.Values.Max(p => p.X) + BoxWidth + Margin;
        var height = Math.Max(boxesBottom, routes.Count == 0 ? 0 : routes.Max(r => r.Lowest)) + Margin;

        var svg = new StringBuilder();
        svg.Append($"""<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Segoe UI, Noto Sans, Arial, sans-serif" font-size="12">""");
        svg.Append($"<title>{Escape(definition.Title)} (versie {definition.Key.Version})</title>");
        svg.Append("""<defs><marker id="pijl" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#5b6470"/></marker></defs>""");
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
            svg.Append($"""<g data-fase="{Escape(stage.Id.Value)}"><rect x="{x}" y="{y}" width="{BoxWidth}" height="{BoxHeight}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{(stage.Kind == StageKind.Final ? 1 : 1.6)}"/>""");
            var lines = Wrap(stage.Label, 28).Take(stage.Table is null ? 3 : 2).ToList();
            if (stage.Table is { } table) lines.Insert(0, table.Name);
            for (var i = 0; i < lines.Count; i++)
                svg.Append($"""<text x="{x + BoxWidth / 2}" y="{y + BoxHeight / 2 + (i - (lines.Count - 1) / 2.0) * 14 + 4:0}" text-anchor="middle" fill="#1b1b1b"{(i == 0 && stage.Table is not null ? " font-weight=\"700\"" : "")}>{Escape(lines[i])}</text>""");
            svg.Append("</g>");
        }
        // Over the boxes, so that no arrowhead hides under the box it points at.
        foreach (var (t, path, _) in routes)
            svg.Append($"""<path d="{path}" data-van="{Escape(t.From.Value)}" data-naar="{Escape(t.To.Value)}" fill="none" stroke="#5b6470" stroke-width="1.3" marker-end="url(#pijl)"><title>{Escape(t.Label)}</title></path>""");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private sealed record Routed(TransitionDefinition Transition, string Path, int Lowest);

    /// <summary>
    /// Each arrow leaves its source sideways into a gap between columns, runs up or down in that gap on a lane of its own
    /// (arrows from one source share it), and enters its target from the side. To a column further than the next, it runs
    /// below all boxes in a corridor of its own.
    /// </summary>
    private static List<Routed> Route(WorkflowDefinition definition, Dictionary<StageId, int> depth,
        Dictionary<StageId, (int X, int Y)> position, int boxesBottom)
    {
        var lanes = new Dictionary<(int Gap, StageId Source), int>();
        var used = new Dictionary<int, int>();
        int Lane(int gap, StageId source)
        {
            if (lanes.TryGetValue((gap, source), out var lane)) return lane;
            lane = used.GetValueOrDefault(gap);
            used[gap] = lane + 1;
            return lanes[(gap, source)] = lane;
        }
        // Gap g lies right of column g; a lane is a vertical line in it, spread over the gap's width.
        int LaneX(int gap, StageId source) =>
            Margin + gap * (BoxWidth + ColumnGap) + BoxWidth + 10 + Lane(gap, source) * LaneStep % (ColumnGap - 20);

        var routes = new List<Routed>();
        var corridor = 0;
        foreach (var t in definition.Transitions)
        {
            var (from, to) = (depth.GetValueOrDefault(t.From), depth.GetValueOrDefault(t.To));
            var (fx, fy) = position[t.From];
            var (tx, ty) = position[t.To];
            var (sy, ey) = (fy + BoxHeight / 2, ty + BoxHeight / 2);
            var (right, left) = (fx + BoxWidth, fx);
            string path;
            var lowest = 0;
            if (to == from + 1 || to == from)
            {
                // Into the next column's left side, or round through the right gap into a neighbour's right side.
                var lane = LaneX(from, t.From);
                path = $"M{right},{sy} H{lane} V{ey} H{(to == from ? tx + BoxWidth : tx)}";
            }
            else if (to == from - 1)
                path = $"M{left},{sy} H{LaneX(to, t.From)} V{ey} H{tx + BoxWidth}";
            else
            {
                var below = boxesBottom + 12 + corridor++ * LaneStep;
                lowest = below;
                path = to > from
                    ? $"M{right},{sy} H{LaneX(from, t.From)} V{below} H{LaneX(to - 1, t.From)} V{ey} H{tx}"
                    : $"M{left},{sy} H{LaneX(from - 1, t.From)} V{below} H{LaneX(to, t.From)} V{ey} H{tx + BoxWidth}";
            }
            routes.Add(new Routed(t, path, lowest));
        }
        return routes;
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

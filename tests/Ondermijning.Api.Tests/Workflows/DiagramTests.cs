using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Tests.Infrastructure;
using Ondermijning.Api.Workflows;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Tests.Workflows;

/// <summary>The diagram of every shipped definition version: no arrow runs through a box, and each ends on the side of its own target.</summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
public partial class DiagramTests
{
    private sealed record Box(string Stage, int X, int Y, int Width, int Height);

    [Fact]
    public async Task No_arrow_runs_through_a_box_and_every_arrowhead_touches_its_target()
    {
        await using var factory = new ApiFactory();
        var catalog = factory.Services.GetRequiredService<WorkflowCatalog>();
        catalog.All.Should().HaveCountGreaterThan(1);
        var failures = new List<string>();
        foreach (var definition in catalog.All)
        {
            var svg = SvgDiagram.Render(definition);
            var boxes = BoxPattern().Matches(svg).Select(m => new Box(m.Groups["stage"].Value, Int(m, "x"), Int(m, "y"), Int(m, "w"), Int(m, "h")))
                .ToDictionary(b => b.Stage);
            boxes.Keys.Should().BeEquivalentTo(definition.Stages.Select(s => s.Id.Value));
            var arrows = ArrowPattern().Matches(svg).ToList();
            arrows.Should().HaveCount(definition.Transitions.Count);
            foreach (var arrow in arrows)
            {
                var (from, to) = (boxes[arrow.Groups["from"].Value], boxes[arrow.Groups["to"].Value]);
                var points = Points(arrow.Groups["d"].Value);
                var name = $"v{definition.Key.Version} {from.Stage} → {to.Stage}";
                if (!OnSide(points[0], from)) failures.Add($"{name} does not leave from a side of its source");
                if (!OnSide(points[^1], to)) failures.Add($"{name} does not end on a side of its target");
                foreach (var (a, b) in points.Zip(points.Skip(1)))
                    foreach (var box in boxes.Values.Where(box => Crosses(a, b, box)))
                        failures.Add($"{name} runs through '{box.Stage}' from {a} to {b}");
            }
        }
        failures.Should().BeEmpty();
    }

    private static bool OnSide((int X, int Y) p, Box box) =>
        (p.X == box.X || p.X == box.X + box.Width) && p.Y > box.Y && p.Y < box.Y + box.Height;

    /// <summary>Whether a horizontal or vertical segment enters the inside of a box (touching its side is arriving).</summary>
    private static bool Crosses((int X, int Y) a, (int X, int Y) b, Box box)
    {
        var (left, right, top, bottom) = (Math.Min(a.X, b.X), Math.Max(a.X, b.X), Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y));
        return Math.Max(left, box.X) < Math.Min(right, box.X + box.Width) && top < box.Y + box.Height && bottom > box.Y
            || Math.Max(top, box.Y) < Math.Min(bottom, box.Y + box.Height) && left < box.X + box.Width && right > box.X;
    }

    /// <summary>The corners of a path of M, H and V commands.</summary>
    private static List<(int X, int Y)> Points(string d)
    {
        var points = new List<(int X, int Y)>();
        foreach (Match command in CommandPattern().Matches(d))
        {
            var values = command.Groups[2].Value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            points.Add(command.Groups[1].Value switch
            {
                "M" => (values[0], values[1]),
                "H" => (values[0], points[^1].Y),
                "V" => (points[^1].X, values[0]),
                var other => throw new FormatException($"The diagram draws '{other}'; this test reads M, H and V."),
            });
        }
        return points;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<g data-fase=\"(?<stage>[^\"]+)\"><rect x=\"(?<x>\\d+)\" y=\"(?<y>\\d+)\" width=\"(?<w>\\d+)\" height=\"(?<h>\\d+)\"")]
    private static partial Regex BoxPattern();

    [GeneratedRegex("<path d=\"(?<d>[^\"]+)\" data-van=\"(?<from>[^\"]+)\" data-naar=\"(?<to>[^\"]+)\"")]
    private static partial Regex ArrowPattern();

    [GeneratedRegex(@"([A-Za-z])\s*([-0-9,]+)")]
    private static partial Regex CommandPattern();
}

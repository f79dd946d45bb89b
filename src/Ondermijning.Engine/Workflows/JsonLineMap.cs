using System.Text.Json;

namespace Ondermijning.Engine.Workflows;

/// <summary>
/// Maps JSON paths ("$.transitions[3].to") to the 1-based line they start on, so that a definition
/// error points the author at a line in their editor and not only at a path.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap() { }

    public int? LineOf(string path)
    {
        // An error about a missing property points at the object that should have held it.
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_lines.TryGetValue(p, out var line)) return line;
        }
        return null;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    public static JsonLineMap Build(ReadOnlySpan<byte> utf8)
    {
        var map = new JsonLineMap();
        var newlines = new List<long>();
        for (var i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') newlines.Add(i);
        int LineAt(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        // Each frame: the container's path, whether it is an array, and the next array index.
        var frames = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingProperty = null;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        string ValuePath()
        {
            if (frames.Count == 0) return "$";
            var top = frames.Pop();
            string path;
            if (top.IsArray)
            {
                path = $"{top.Path}[{top.Next}]";
                top.Next++;
            }
            else
            {
                path = $"{top.Path}.{pendingProperty}";
            }
            frames.Push(top);
            return path;
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    map._lines.TryAdd($"{frames.Peek().Path}.{pendingProperty}", LineAt(reader.TokenStartIndex));
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                {
                    var path = ValuePath();
                    map._lines.TryAdd(path, LineAt(reader.TokenStartIndex));
                    frames.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    break;
                }
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    map._lines.TryAdd(ValuePath(), LineAt(reader.TokenStartIndex));
                    break;
            }
        }
        return map;
    }
}

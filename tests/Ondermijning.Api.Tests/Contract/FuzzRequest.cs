using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// A request as the fuzzer sends it. The path is kept escaped as sent, and the body as raw text, so that what no
/// serializer would write (a lone surrogate, a cut-off document, a duplicated property) can be sent too.
/// </summary>
internal sealed record FuzzRequest(string Method, string Path, IReadOnlyList<(string Name, string Value)> Query, string? Body,
    string Mutation, string ContentType = "application/json", IReadOnlyList<(string Name, string Value)>? Headers = null)
{
    /// <summary>Stands in for a lone UTF-16 surrogate until the body is written as text; JsonNode cannot hold one.</summary>
    public const string LoneSurrogate = "\u0001LONE-SURROGATE\u0001";

    public string Url => Query.Count == 0
        ? Path
        : Path + "?" + string.Join("&", Query.Select(q => $"{Uri.EscapeDataString(q.Name)}={Uri.EscapeDataString(q.Value)}"));

    public HttpRequestMessage ToHttp()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType.Length > 0) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            // As a careful client sends a large body: the service refuses one over its limit by its length, before it is
            // sent, instead of closing the connection while the client is still writing.
            request.Headers.ExpectContinue = Body.Length > 64 * 1024;
        }
        foreach (var (name, value) in Headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    public FuzzRequest WithBody(string? body, string mutation) => this with { Body = body, Mutation = mutation };

    /// <summary>Sets (or adds) the value at a path of property names and array indexes, e.g. persons/0/name.</summary>
    public FuzzRequest WithValue(string path, JsonNode? value, string mutation)
    {
        var root = Body is null ? new JsonObject() : JsonNode.Parse(Body) ?? new JsonObject();
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = Navigate(root, parts[..^1]);
        // Generated values are shared between samples, and a node has one parent: each request gets its own copy.
        if (parent is JsonObject o) o[parts[^1]] = value?.DeepClone();
        else if (parent is JsonArray a && int.TryParse(parts[^1], out var i) && i < a.Count) a[i] = value?.DeepClone();
        else return this;
        return WithBody(Write(root), $"{mutation} at '{path}'");
    }

    public FuzzRequest Without(string path)
    {
        if (Body is null || JsonNode.Parse(Body) is not { } root) return this;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (Navigate(root, parts[..^1]) is JsonObject o) o.Remove(parts[^1]);
        return WithBody(Write(root), $"without '{path}'");
    }

    /// <summary>Replaces the segment of the path that the template names <paramref name="name"/>.</summary>
    public FuzzRequest WithPathParameter(string template, string name, string escapedValue)
    {
        var names = template.TrimEnd('/').Split('/');
        var segments = Path.TrimEnd('/').Split('/');
        if (names.Length != segments.Length) return this;
        for (var i = 0; i < names.Length; i++)
            if (names[i].StartsWith("{" + name, StringComparison.Ordinal)) segments[i] = escapedValue;
        return this with { Path = string.Join('/', segments), Mutation = $"path parameter {name} = '{Short(escapedValue)}'" };
    }

    public FuzzRequest WithQuery(string name, string value) => this with
    {
        Query = [.. Query.Where(q => q.Name != name), (name, value)],
        Mutation = $"query {name} = '{Short(value)}'",
    };

    public FuzzRequest WithHeader(string name, string value) => this with
    {
        Headers = [.. Headers ?? [], (name, value)],
        Mutation = $"header {name} = '{Short(value)}'",
    };

    public static string Write(JsonNode? node) =>
        (node?.ToJsonString() ?? "null").Replace(LoneSurrogate.Replace("\u0001", "\\u0001"), "\\ud800");

    private static JsonNode? Navigate(JsonNode? node, IEnumerable<string> parts)
    {
        foreach (var part in parts)
            node = node switch
            {
                JsonObject o => o[part],
                JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                _ => null,
            };
        return node;
    }

    private static string Short(string text) => text.Length > 60 ? $"{text[..40]}… ({text.Length} characters)" : text;

    public override string ToString() => $"{Method} {Short(Url)} [{Mutation}] {(Body is null ? "" : Short(Body))}";
}

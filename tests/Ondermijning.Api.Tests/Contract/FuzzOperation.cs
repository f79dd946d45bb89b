using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ondermijning.Api.Tests.Privacy;

namespace Ondermijning.Api.Tests.Contract;

internal sealed record FuzzParameter(string Name, string In, JsonObject Schema, bool Required);

/// <summary>
/// One operation of the OpenAPI document with a valid request to start from: the sample of <see cref="RouteAccessTests"/>
/// where there is one, otherwise the path filled with the seeded world's ids and the required query parameters.
/// </summary>
internal sealed partial record FuzzOperation(
    string Method, string Template, IReadOnlyList<FuzzParameter> Parameters, JsonObject? BodySchema, FuzzRequest Valid, JsonObject Document)
{
    public override string ToString() => $"{Method} {Template}";

    public IEnumerable<FuzzParameter> In(string location) => Parameters.Where(p => p.In == location);

    public static IReadOnlyList<FuzzOperation> FromDocument(JsonObject document,
        IReadOnlyDictionary<(string Method, string Pattern), (string Url, object? Body)> samples, RouteAccessTests.World world)
    {
        var byPattern = samples.ToDictionary(s => (s.Key.Method, Normalise(s.Key.Pattern)), s => s.Value);
        var operations = new List<FuzzOperation>();
        foreach (var (template, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers") continue;
                var operation = operationNode!.AsObject();
                var verb = method.ToUpperInvariant();
                var parameters = (operation["parameters"]?.AsArray() ?? []).Concat(pathItem["parameters"]?.AsArray() ?? [])
                    .Select(p => Resolve(document, p!))
                    .Select(p => new FuzzParameter(p["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(),
                        Resolve(document, p["schema"] ?? new JsonObject()), p["required"]?.GetValue<bool>() ?? false))
                    .ToList();
                var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(document, schema) : null;

                var valid = byPattern.TryGetValue((verb, Normalise(template)), out var sample)
                    ? FromSample(verb, sample.Url, sample.Body)
                    : Filled(verb, template, parameters, bodySchema, document, world);
                operations.Add(new FuzzOperation(verb, template, parameters, bodySchema, valid, document));
            }
        }
        return operations;
    }

    /// <summary>Route patterns and document paths differ in constraints and a trailing slash.</summary>
    private static string Normalise(string pattern) => Constraint().Replace(pattern, "}").TrimEnd('/');

    public static JsonObject Resolve(JsonObject document, JsonNode node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            JsonNode current = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/')) current = current[part]!;
            node = current;
        }
        return node.AsObject();
    }

    private static FuzzRequest FromSample(string method, string url, object? body)
    {
        var (path, query) = Split(url);
        return new FuzzRequest(method, path, query,
            body is null ? null : JsonSerializer.SerializeToNode(body, Infrastructure.ApiClient.Json)!.ToJsonString(), "valid sample");
    }

    private static FuzzRequest Filled(string method, string template, IReadOnlyList<FuzzParameter> parameters, JsonObject? bodySchema,
        JsonObject document, RouteAccessTests.World world)
    {
        var path = Placeholder().Replace(template, m => m.Groups[1].Value switch
        {
            "id" => world.CaseId,
            "interventionId" => world.InterventionId,
            "workflow" => "ondermijning",
            "version" => "1",
            "year" => "2024",
            "month" => "5",
            _ => "onbekend",
        });
        var query = parameters.Where(p => p is { In: "query", Required: true }).Select(p => (p.Name, p.Name switch
        {
            "municipality" => "GM0935",
            "year" => "2024",
            _ => "1",
        })).ToList();
        var body = bodySchema is null ? null : FuzzValues.ValidFor(document, bodySchema, depth: 0)?.ToJsonString();
        return new FuzzRequest(method, path, query, body, "filled from the document");
    }

    private static (string Path, IReadOnlyList<(string Name, string Value)> Query) Split(string url)
    {
        var at = url.IndexOf('?');
        if (at < 0) return (url, []);
        var query = url[(at + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))
            .ToList();
        return (url[..at], query);
    }

    [GeneratedRegex(@":[a-z]+\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex Placeholder();
}

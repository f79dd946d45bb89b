using System.Text.Json.Nodes;
using CsCheck;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>The hostile values a client can send, as CsCheck generators, so a failure shrinks to a small example.</summary>
internal static class FuzzValues
{
    private static readonly string[] Dates =
    [
        "9999-12-31", "0001-01-01", "2024-02-30", "2024-13-01", "morgen", "31-12-2024", "2024-06-03T10:00:00Z", "+275760-09-13",
        "-0001-01-01", "2100-01-01", "1899-12-31", "2024-6-3", "",
    ];

    private static readonly string[] Words =
    [
        "", " ", "   \t ", "GM0935", "GM9999", "gm0935", "6211 AB", "6211ab", "0000AA", "12345678", "1234567", "Politie",
        "politie", "gemeente", "onbekend", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "..\\..", "null", "true",
        "\u202Eevil", "𝕏𝕐", "e\u0301", "﷽", "\uFEFF", "2024-06-03", "naar-mot", "zeer-hoog", "executed", "dropped",
    ];

    public static readonly Gen<string> HostileText = Gen.Frequency(
        (4, Gen.OneOf(Words)),
        (2, Gen.OneOf(Dates)),
        (3, Gen.Int[1, 9000].Select(n => new string('x', n))),
        (1, Gen.Int[9000, 900_000].Select(n => new string('a', n))), // under Kestrel's 1 MB ceiling, beyond which it resets the connection
        (2, Gen.Char['\0', '\u001F'].Select(c => $"tekst{c}tekst")),
        (2, Gen.Const("tekst" + FuzzRequest.LoneSurrogate)),
        (1, Gen.String));

    public static readonly Gen<JsonNode?> HostileNumber = Gen.OneOf<JsonNode?>(
        JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(int.MaxValue), JsonValue.Create(int.MinValue),
        JsonValue.Create(long.MaxValue), JsonValue.Create(1e308), JsonValue.Create(0.5), JsonValue.Create(99999), JsonValue.Create(100000));

    public static readonly Gen<JsonNode?> HostileValue = Gen.Frequency(
        (6, HostileText.Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, HostileNumber),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const(() => (JsonNode?)null)),
        (1, Gen.Const(() => (JsonNode?)new JsonObject { ["a"] = 1 })),
        (1, Gen.Const(() => (JsonNode?)new JsonArray("x", 1, null))),
        (1, Gen.Int[0, 5000].Select(n => (JsonNode?)new JsonArray(Enumerable.Range(0, n).Select(_ => (JsonNode?)JsonValue.Create("x")).ToArray()))));

    /// <summary>Whole bodies that are not the document asked for.</summary>
    public static readonly Gen<string> HostileBody = Gen.OneOf(
        "", "null", "[]", "{}", "\"tekst\"", "42", "{", "{\"a\":", "{\"a\" 1}", "{'a': 1}", "\u0000", "{\"a\":1,\"a\":2}",
        new string('[', 5000) + new string(']', 5000), "{\"x\":\"" + new string('x', 600_000) + "\"}",
        "\uFEFF{}", "{\"a\":\"\\ud800\"}");

    public static readonly Gen<string> HostileQuery = Gen.Frequency(
        (5, HostileText),
        (2, Gen.OneOf("-1", "0", "2147483648", "99999999999999999999", "1e9", "0x10", "1.5", "NaN")));

    /// <summary>Path segments, escaped as they travel.</summary>
    public static readonly Gen<string> HostileSegment = Gen.Frequency(
        (3, Gen.OneOf("x", "0", "-1", "%00", "%20", "%E2%82", "%25", "..%2F..%2Fetc", "00000000-0000-0000-0000-000000000000",
            "2147483648", "%F0%9D%95%8F", "a%0Ab", "' OR 1=1")),
        (1, Gen.Guid.Select(g => g.ToString())),
        (1, Gen.Int[100, 6000].Select(n => new string('x', n))));

    public static readonly Gen<string> HostileContentType = Gen.OneOf(
        "", "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "multipart/form-data");

    public static readonly Gen<string> HostileHeader = Gen.Frequency(
        (3, Gen.OneOf("", " ", "sleutel", "a\tb", "sleutel met spaties")),
        (1, Gen.Int[150, 9000].Select(n => new string('k', n))));

    /// <summary>A value the schema accepts, for bodies no sample covers: the first choice, a date, a short text.</summary>
    public static JsonNode? ValidFor(JsonObject document, JsonObject schema, int depth)
    {
        if (depth > 4) return null;
        if (schema["enum"] is JsonArray choices && choices.Count > 0) return choices[0]?.DeepClone();
        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue single => single.GetValue<string>(),
            _ => schema["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((schema["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, ValidFor(document, FuzzOperation.Resolve(document, p.Value!), depth + 1)))),
            "array" => schema["items"] is { } items ? new JsonArray(ValidFor(document, FuzzOperation.Resolve(document, items), depth + 1)) : new JsonArray(),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "string" when schema["format"]?.GetValue<string>() == "date" => JsonValue.Create("2024-06-03"),
            "string" when schema["format"]?.GetValue<string>() == "date-time" => JsonValue.Create("2024-06-03T10:00:00Z"),
            "string" => JsonValue.Create("tekst"),
            _ => null,
        };
    }
}

/// <summary>Per operation: one valid request, and a frequency of ways to break it.</summary>
internal static class FuzzRequests
{
    public static Gen<FuzzRequest> For(FuzzOperation operation)
    {
        var valid = operation.Valid;
        var ways = new List<(int, IGen<FuzzRequest>)>();

        if (operation.BodySchema is not null || valid.Body is not null)
        {
            var properties = BodyPaths(operation).ToArray();
            var containers = properties.Select(p => p.Contains('/') ? p[..p.LastIndexOf('/')] : "").Append("").Distinct().ToArray();
            if (properties.Length > 0)
            {
                ways.Add((8, from path in Gen.OneOf(properties) from value in FuzzValues.HostileValue select valid.WithValue(path, value, "hostile value")));
                ways.Add((2, Gen.OneOf(properties).Select(valid.Without)));
            }
            ways.Add((2, from container in Gen.OneOf(containers)
                         from name in Gen.OneOf("onbekend", "company", "person", "adresses", "receivedAt", "Municipality", "$type")
                         from value in FuzzValues.HostileValue
                         select valid.WithValue($"{container}/{name}".TrimStart('/'), value, "unknown property")));
            ways.Add((2, FuzzValues.HostileBody.Select(body => valid.WithBody(body, "hostile body"))));
            ways.Add((1, FuzzValues.HostileContentType.Select(type => valid with { ContentType = type, Mutation = $"content type '{type}'" })));
        }
        var pathParameters = operation.In("path").Select(p => p.Name).ToArray();
        if (pathParameters.Length > 0)
            ways.Add((2, from name in Gen.OneOf(pathParameters) from segment in FuzzValues.HostileSegment
                         select valid.WithPathParameter(operation.Template, name, segment)));
        var queryParameters = operation.In("query").Select(p => p.Name).ToArray();
        if (queryParameters.Length > 0)
            ways.Add((4, from name in Gen.OneOf(queryParameters) from value in FuzzValues.HostileQuery select valid.WithQuery(name, value)));
        if (operation.Method != "GET")
            ways.Add((1, FuzzValues.HostileHeader.Select(key => valid.WithHeader("Idempotency-Key", key))));
        // Every operation also gets what no client should send to it: a query it does not take, a body on a read.
        ways.Add((1, FuzzValues.HostileQuery.Select(value => valid.WithQuery("onbekend", value))));
        return Gen.Frequency(ways.ToArray());
    }

    /// <summary>Every property of the valid body and of its schema, nested, as paths like persons/0/name.</summary>
    private static IEnumerable<string> BodyPaths(FuzzOperation operation)
    {
        var paths = new HashSet<string>();
        if (operation.Valid.Body is { } body && JsonNode.Parse(body) is { } root) Walk(root, "", paths);
        if (operation.BodySchema is { } schema) WalkSchema(operation.Document, schema, "", paths, 0);
        return paths.Order(StringComparer.Ordinal);
    }

    private static void Walk(JsonNode node, string prefix, HashSet<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    paths.Add(prefix + name);
                    if (child is not null) Walk(child, $"{prefix}{name}/", paths);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    paths.Add(prefix + i);
                    if (a[i] is { } item) Walk(item, $"{prefix}{i}/", paths);
                }
                break;
        }
    }

    private static void WalkSchema(JsonObject document, JsonObject schema, string prefix, HashSet<string> paths, int depth)
    {
        if (depth > 3) return;
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            paths.Add(prefix + name);
            var resolved = FuzzOperation.Resolve(document, property!);
            if (resolved["properties"] is not null) WalkSchema(document, resolved, $"{prefix}{name}/", paths, depth + 1);
        }
    }
}

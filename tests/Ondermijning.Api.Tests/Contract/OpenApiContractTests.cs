using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document is the contract a client generates from, so it is checked by rules, not by reading: what every
/// schema, operation and answer must say is derived from the document itself, and where the server decides (which fields
/// are choices), from what the server answers to requests built from the document.
/// </summary>
public class OpenApiContractTests : IClassFixture<OpenApiContractTests.Service>
{
    public sealed class Service : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();
        public JsonObject Document { get; private set; } = null!;

        public async Task InitializeAsync() => Document = (await Factory.CreateClient().GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private readonly Service _service;
    private JsonObject Document => _service.Document;
    private JsonObject Schemas => Document["components"]!["schemas"]!.AsObject();

    public OpenApiContractTests(Service service) => _service = service;

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        Document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key)).Select(o => (p.Key, o.Key, o.Value!.AsObject())));

    private JsonObject Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference ? Schemas[reference.GetValue<string>().Split('/').Last()]!.AsObject() : schema.AsObject();

    private static IEnumerable<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>A nullable reference is written oneOf [null, $ref]: the reference.</summary>
    private static JsonNode NonNull(JsonNode schema) => schema["oneOf"]?.AsArray().First(a => !Types(a!).Contains("null"))! ?? schema;

    /// <summary>The body schemas of every operation and the object schemas they reach, by name.</summary>
    private Dictionary<string, JsonObject> RequestSchemas()
    {
        var found = new Dictionary<string, JsonObject>();
        void Visit(JsonNode? schema)
        {
            if (schema is null) return;
            if (schema["$ref"] is { } reference)
            {
                var name = reference.GetValue<string>().Split('/').Last();
                if (!found.TryAdd(name, Schemas[name]!.AsObject())) return;
                schema = Schemas[name];
            }
            foreach (var property in schema!["properties"]?.AsObject() ?? []) Visit(property.Value);
            Visit(schema["items"]);
            foreach (var alternative in schema["oneOf"]?.AsArray() ?? []) Visit(alternative);
        }
        foreach (var (_, _, operation) in Operations()) Visit(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
        return found;
    }

    [Fact]
    public void Every_required_property_is_non_nullable_and_listed()
    {
        var failures = new List<string>();
        foreach (var (name, schema) in Schemas.Select(s => (s.Key, s.Value!.AsObject())))
        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            var property = schema["properties"]?[required];
            if (property is null) failures.Add($"{name}.{required} is required but not a property");
            else if (Types(property).Contains("null") || property["oneOf"]?.AsArray().Any(a => Types(a!).Contains("null")) == true)
                failures.Add($"{name}.{required} is required but nullable");
        }
        failures.Should().BeEmpty();
        Schemas["RecordAtomInspectionRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("organisations",
            "the server refuses an inspection without organisations");
    }

    [Fact]
    public void Every_request_object_refuses_properties_it_does_not_have()
    {
        var schemas = RequestSchemas();
        schemas.Should().ContainKeys("RegisterSignalRequest", "PersonRequest", "ReporterRequest", "AddressRequest");
        schemas.Where(s => s.Value["properties"] is not null && s.Value["additionalProperties"]?.GetValue<bool>() != false)
            .Select(s => s.Key).Should().BeEmpty("the server refuses an unknown property with a 400, so the contract says so");
    }

    [Fact]
    public void Every_date_field_has_a_format()
    {
        // A field is a date by what it says it holds: its name, or the server's date attribute on it.
        var dateName = new Regex("(On|Date|^date|From|To|At|For)$");
        var failures = new List<string>();
        void Check(string where, string name, JsonNode schema)
        {
            var resolved = Resolve(schema);
            if (!Types(resolved).Contains("string") || !dateName.IsMatch(name)) return;
            if (resolved["format"]?.GetValue<string>() is not ("date" or "date-time")) failures.Add($"{where}.{name}");
        }
        foreach (var (name, schema) in Schemas.Select(s => (s.Key, s.Value!.AsObject())))
        foreach (var property in schema["properties"]?.AsObject() ?? [])
            Check(name, property.Key, NonNull(property.Value!));
        foreach (var (path, method, operation) in Operations())
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            Check($"{method} {path}", parameter!.Str("name"), parameter!["schema"]!);
        failures.Should().BeEmpty();
        Schemas["RecordBibobScreeningRequest"]!["properties"]!["date"]!.Str("format").Should().Be("date");
    }

    [Fact]
    public void Every_answer_declares_its_content_types_every_created_its_location_and_every_wait_its_retry_after()
    {
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations())
        foreach (var (status, answer) in operation["responses"]!.AsObject())
        {
            if (status == "204") continue;
            var content = answer!["content"]?.AsObject();
            if (content is null || content.Count == 0 || content.Any(c => c.Value?["schema"] is null))
                failures.Add($"{method} {path} {status} declares no content type with a schema");
            if (status == "201" && answer["headers"]?["Location"] is null) failures.Add($"{method} {path} 201 declares no Location");
            if (status is "503" or "429" && answer["headers"]?["Retry-After"] is null) failures.Add($"{method} {path} {status} declares no Retry-After");
            if (status.StartsWith('4') && content?.ContainsKey("application/problem+json") != true)
                failures.Add($"{method} {path} {status} is not problem+json");
        }
        foreach (var (path, method, operation) in Operations())
        foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).OfType<JsonNode>().Where(p => p.Str("in") == "query"))
            if (char.IsUpper(parameter.Str("name")[0])) failures.Add($"{method} {path} spells its query parameter {parameter.Str("name")}");
        failures.Should().BeEmpty();

        var annual = Document["paths"]!["/api/statistics/annual"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        annual.Select(c => c.Key).Should().BeEquivalentTo(
            "application/json", "text/csv", "text/html", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Operations().Where(o => o.Operation["requestBody"] is not null)
            .Should().OnlyContain(o => o.Operation["responses"]!["413"] != null && o.Operation["responses"]!["415"] != null);
    }

    /// <summary>Every choice the server's request records declare is in the document with exactly the values the attribute gives.</summary>
    [Fact]
    public void Every_declared_choice_is_an_enum_with_the_servers_values()
    {
        var services = _service.Factory.Services;
        var failures = new List<string>();
        var checkedChoices = 0;
        foreach (var type in typeof(ChoiceAttribute).Assembly.GetTypes().Where(t => Schemas.ContainsKey(t.Name)))
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttributes(true).OfType<IChoice>().SingleOrDefault() is not { } choice) continue;
            checkedChoices++;
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var schema = Schemas[type.Name]!["properties"]![name]!;
            var values = (schema["items"] ?? schema)["enum"]?.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList();
            if (values is null || !values.SequenceEqual(choice.Values(services))) failures.Add($"{type.Name}.{name}: {string.Join(", ", values ?? [])}");
        }
        failures.Should().BeEmpty();
        checkedChoices.Should().BeGreaterThanOrEqualTo(20);
        Schemas["RaiseSeverityRequest"]!["properties"]!["severity"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())
            .Should().Contain(["laag", "zeer-hoog"], "severities come from the loaded workflow definitions");
    }

    /// <summary>
    /// Which fields are choices is the server's to say: every body is sent with a value no choice takes in every text field,
    /// and each field the server then refuses with a list of what it takes ("one of …") must be an enum in the document
    /// with those values; each enum field must be refused. Built from the document, so a new field is checked without a
    /// line here. A choice marked per workflow is left to the workflow tests when the server stopped at other fields first.
    /// </summary>
    [Fact]
    public async Task The_server_refuses_exactly_the_choices_the_document_lists()
    {
        const string Junk = "geen-geldige-waarde";
        var client = _service.Factory.CreateClient();
        var caseId = (await client.RegisterAsync()).Str("id");
        var failures = new List<string>();
        var listed = 0;

        JsonNode? Fill(JsonNode schema)
        {
            var resolved = Resolve(NonNull(schema));
            var types = Types(resolved).ToList();
            if (resolved["properties"] is JsonObject properties)
                return new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Fill(p.Value!))));
            if (types.Contains("array")) return new JsonArray(Fill(resolved["items"]!));
            // Numbers and flags are left out: a wrong type would make the whole body unreadable, and no field would be judged.
            return types.Contains("string") && !types.Intersect(["integer", "number", "boolean"]).Any() && resolved["additionalProperties"] is null
                ? Junk : null;
        }

        IEnumerable<(string Path, JsonNode Schema)> Fields(JsonNode schema, string prefix)
        {
            var resolved = Resolve(NonNull(schema));
            foreach (var property in resolved["properties"]?.AsObject() ?? [])
            {
                var path = prefix + property.Key;
                var inner = Resolve(NonNull(property.Value!));
                if (Types(inner).Contains("array"))
                {
                    var items = Resolve(inner["items"]!);
                    if (items["properties"] is null) yield return ($"{path}[0]", items);
                    foreach (var nested in Fields(items, $"{path}[0].")) yield return nested;
                }
                else if (inner["properties"] is not null)
                    foreach (var nested in Fields(inner, path + ".")) yield return nested;
                else yield return (path, inner);
            }
        }

        foreach (var (path, method, operation) in Operations())
        {
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } body) continue;
            var url = path.Replace("{id}", path.StartsWith("/api/cases") ? caseId : Guid.NewGuid().ToString())
                .Replace("{interventionId}", Guid.NewGuid().ToString()).Replace("{workflow}", "ondermijning");
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(Fill(body)) });
            if (response.StatusCode != HttpStatusCode.BadRequest) continue;
            var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]?.AsObject();
            if (errors is null) continue;

            foreach (var (field, schema) in Fields(body, ""))
            {
                var message = errors[field]?.AsArray().Select(m => m!.GetValue<string>()).FirstOrDefault() ?? "";
                var declared = schema["enum"]?.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>()).ToList();
                var list = Regex.Match(message, @"one of (?<values>[^.]+)\.");
                if (list.Success)
                {
                    listed++;
                    var values = list.Groups["values"].Value.Split(", ");
                    if (declared is null) failures.Add($"{method} {path} {field}: the server takes only {string.Join(", ", values)}, the document has no enum");
                    else if (declared.Except(values).Any()) failures.Add($"{method} {path} {field}: the document lists {string.Join(", ", declared.Except(values))}, which the server refuses");
                }
                // A per-workflow choice is checked against the version only once the other fields are right.
                if (declared is not null && message.Length == 0 && schema[ContractSchemaTransformer.PerWorkflow] is null)
                    failures.Add($"{method} {path} {field}: the document lists choices, but the server took '{Junk}'");
            }
        }
        failures.Should().BeEmpty();
        listed.Should().BeGreaterThanOrEqualTo(10, "the server names its choices in its refusals; if it stopped, this test would check nothing");
    }
}

using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ondermijning.Api.Contract;

/// <summary>
/// Makes the request schemas the exact contract the server checks: the values a choice takes (<see cref="IChoice"/>), the
/// format of a date (<see cref="IsoDateAttribute"/>), and required fields (constructor parameters without a default, or
/// <see cref="RequiredAttribute"/>) that may not be null, although the records type them <c>string?</c> so that a missing
/// field is answered with the others in one problem rather than as unreadable JSON.
/// </summary>
public sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>Marks a choice whose values each workflow version defines for itself.</summary>
    public const string PerWorkflow = "x-per-workflow";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is { } property)
            Describe(schema, property, context.ApplicationServices);
        else if (context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object && schema.Properties is { } properties)
        {
            foreach (var member in context.JsonTypeInfo.Properties)
                if (member.AttributeProvider?.IsDefined(typeof(RequiredAttribute), true) == true)
                    (schema.Required ??= new HashSet<string>()).Add(member.Name);
            foreach (var name in schema.Required ?? new HashSet<string>())
                if (properties.TryGetValue(name, out var required)) NotNull(required);
        }
        return Task.CompletedTask;
    }

    /// <summary>For use on query parameters too, which carry the same attributes.</summary>
    public static void Describe(OpenApiSchema schema, ICustomAttributeProvider attributes, IServiceProvider services)
    {
        // A list's attributes describe its items.
        var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
        if (attributes.GetCustomAttributes(true).OfType<IChoice>().FirstOrDefault() is { } choice)
        {
            // An optional field may be null (it means: left out), and an enum constrains every value, null too.
            IEnumerable<JsonNode> values = choice.Values(services).Select(v => (JsonNode)JsonValue.Create(v));
            target.Enum = (target.Type?.HasFlag(JsonSchemaType.Null) == true ? values.Append(null!) : values).ToList();
            if (choice is WorkflowChoiceAttribute)
            {
                // Which of them a request may use depends on the case's (or the named) version: the server checks that
                // against the definition, after the fields it can check alone.
                target.Description ??= "Values of the loaded workflow definitions; GET /api/workflows says which belong to which version.";
                (target.Extensions ??= new Dictionary<string, IOpenApiExtension>())[PerWorkflow] = new JsonNodeExtension(true);
            }
        }
        if (attributes.IsDefined(typeof(IsoDateAttribute), true)) target.Format = "date";
        if (attributes.IsDefined(typeof(IsoDateTimeAttribute), true)) target.Format = "date-time";
    }

    private static void NotNull(IOpenApiSchema property)
    {
        if (property is OpenApiSchema { Type: { } type } schema)
        {
            schema.Type = type & ~JsonSchemaType.Null;
            schema.Enum = schema.Enum?.Where(v => v is not null).ToList();
        }
        // A nullable reference is written as oneOf [null, $ref]; required, it is the reference alone.
        if (property is OpenApiSchema { OneOf: { Count: 2 } oneOf } wrapper && oneOf.Any(s => s is OpenApiSchema { Type: JsonSchemaType.Null }))
            wrapper.OneOf = oneOf.Where(s => s is not OpenApiSchema { Type: JsonSchemaType.Null }).ToList();
    }
}

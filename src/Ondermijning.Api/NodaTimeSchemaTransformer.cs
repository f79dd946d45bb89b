using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace Ondermijning.Api;

/// <summary>NodaTime values travel as ISO-8601 text; the OpenAPI document should say so, not describe their internals.</summary>
public sealed class NodaTimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var format = type == typeof(Instant) ? "date-time" : type == typeof(LocalDate) ? "date" : null;
        if (format is not null)
        {
            schema.Type = JsonSchemaType.String;
            schema.Format = format;
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        return Task.CompletedTask;
    }
}

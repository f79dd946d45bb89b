using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Ondermijning.Api.Contract;

/// <summary>
/// Declares on every operation the answers the pipeline gives before or around the endpoint, with their content types:
/// 401 when the route needs sign-in, 503 when the database is briefly away; 400, 413 and 415 for a request body that is unreadable, too large or not JSON. Every
/// 201 says that its <c>Location</c> names the record's own GET. Query parameters carry the same choice and date
/// attributes as request fields.
/// </summary>
public sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    private const string Problem = "application/problem+json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;

        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse response)
            (response.Headers ??= new Dictionary<string, IOpenApiHeader>())["Location"] = new OpenApiHeader
            {
                Description = "The address of the record just created; a GET there answers it.",
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            };

        foreach (var also in metadata.OfType<AlsoAnswers>())
            if (operation.Responses.TryGetValue(also.Status.ToString(), out var answer) && answer is OpenApiResponse withContent)
                (withContent.Content ??= new Dictionary<string, OpenApiMediaType>())[MediaTypeHeaderValue.Parse(also.ContentType).MediaType.ToString()] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = also.Binary ? "binary" : null },
                };

        if (!metadata.OfType<IAllowAnonymous>().Any())
            Add(operation, context, "401", "Not signed in, or the sign-in has expired or is not accepted.");
        Add(operation, context, "503", "The database is briefly unavailable; the Retry-After header says when to try again.");
        foreach (var wait in new[] { "429", "503" })
            if (operation.Responses.TryGetValue(wait, out var later) && later is OpenApiResponse waiting)
                (waiting.Headers ??= new Dictionary<string, IOpenApiHeader>()).TryAdd("Retry-After", new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                });
        if (operation.RequestBody is not null)
        {
            Add(operation, context, "400", "The body is not valid JSON, has a value of the wrong type, or a property the request does not take.");
            Add(operation, context, "413", "The body is larger than this address takes.");
            Add(operation, context, "415", "The body is not JSON (Content-Type: application/json).");
        }

        // Query values bind whatever their case; the document spells them as the rest of the API does (camelCase).
        foreach (var query in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
            query.Name = JsonNamingPolicy.CamelCase.ConvertName(query.Name!);

        foreach (var parameter in context.Description.ParameterDescriptions)
        {
            if (parameter.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: ICustomAttributeProvider attributes }) continue;
            var declared = operation.Parameters?.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
            if (declared is OpenApiParameter { Schema: OpenApiSchema schema }) ContractSchemaTransformer.Describe(schema, attributes, context.ApplicationServices);
        }
        return Task.CompletedTask;
    }

    /// <summary>Declares a problem answer, unless the endpoint declared that status itself.</summary>
    internal static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Problem] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.Document) },
            },
        };
    }
}

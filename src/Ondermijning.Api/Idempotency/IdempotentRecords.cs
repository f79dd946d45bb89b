using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Ondermijning.Api.Contract;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Idempotency;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Idempotency;

/// <summary>Marks an endpoint whose record a client may create safely again with the same <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentRecordMetadata
{
    public static readonly IdempotentRecordMetadata Instance = new();
}

/// <summary>
/// Every POST that answers 201 Created takes an optional <c>Idempotency-Key</c>, with the meaning intake has: the first
/// request creates the record (201), the same key with the same request returns that record (200, same Location), the
/// same key with another request is a 422 naming the record. One rule for the whole API, applied by route convention,
/// so a new creating endpoint cannot forget it; the engine's commands store the key with their record
/// (<see cref="OndermijningDbContext.AddRecord{T}"/>), in one transaction.
/// </summary>
public static class IdempotentRecords
{
    public const string Header = "Idempotency-Key";

    public static RouteGroupBuilder RecordOnce(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler
                || endpoint.Metadata.OfType<HttpMethodMetadata>().FirstOrDefault()?.HttpMethods.Contains(HttpMethods.Post) != true
                || CreatedType(handler.ReturnType) is not { } recordType)
                return;
            endpoint.Metadata.Add(IdempotentRecordMetadata.Instance);
            // An endpoint that binds the header itself (intake, with its group commit) keeps its own handling.
            if (handler.GetParameters().Any(p => p.GetCustomAttribute<FromHeaderAttribute>()?.Name == Header)) return;
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, recordType, ["application/json"]));
            endpoint.FilterFactories.Add((_, next) => context => InvokeAsync(context, next));
        });
        return api;
    }

    /// <summary>The request as parsed, not as sent, so whitespace or property order does not make a retry "different".</summary>
    public static string Fingerprint(object? request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));

    private static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var sent)) return await next(context);

        var endpoint = http.GetEndpoint() as RouteEndpoint;
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        // The route values take part: the same key and body for another case is another request.
        var request = new
        {
            route = http.Request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}").ToList(),
            body = bodyType is null ? null : context.Arguments.FirstOrDefault(a => a?.GetType() == bodyType),
        };
        var key = IdempotencyKey.Parse(sent.ToString(), Fingerprint(request));
        var operation = $"{http.Request.Method} {endpoint?.RoutePattern.RawText}";
        var idempotency = http.RequestServices.GetRequiredService<RequestIdempotency>();
        idempotency.Begin(IdempotencyClaim.For(operation, http.User.ToActor(), key));

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception) when (idempotency.Stamped)
        {
            // The key's unique index refused the save: a concurrent request with the same key stored its record first,
            // and nothing of this one was stored. Asked again, the command finds that record (or refuses another request).
            var db = http.RequestServices.GetRequiredService<OndermijningDbContext>();
            db.ChangeTracker.Clear();
            if (!await db.IdempotencyKeyTakenAsync(http.RequestAborted)) throw;
            idempotency.Retry();
            result = await next(context);
        }
        if (!idempotency.Stamped && !idempotency.Replayed)
            throw new InvalidOperationException($"{operation} takes an {Header} but its command neither stored nor found a record with it; " +
                $"the command should use {nameof(OndermijningDbContext.RecordedBeforeAsync)} and {nameof(OndermijningDbContext.AddRecord)}.");
        return idempotency.Replayed && result is IValueHttpResult created ? new Replayed(result, created.Value) : result;
    }

    private static Type? CreatedType(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Created<>)) return type.GetGenericArguments()[0];
        return type.IsGenericType ? type.GetGenericArguments().Select(CreatedType).FirstOrDefault(t => t is not null) : null;
    }

    /// <summary>The record an earlier request created: 200 instead of 201, at the same Location.</summary>
    private sealed class Replayed(object created, object? value) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            if (created.GetType().GetProperty(nameof(Created<object>.Location))?.GetValue(created) is string location)
                http.Response.Headers.Location = location;
            return TypedResults.Ok(value).ExecuteAsync(http);
        }
    }
}

/// <summary>Declares the optional <c>Idempotency-Key</c> header on every operation that takes one.</summary>
public sealed class IdempotencyKeyOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentRecordMetadata>().Any()) return Task.CompletedTask;
        operation.Parameters ??= [];
        // Replaces the bare declaration of an endpoint that binds the header itself.
        foreach (var declared in operation.Parameters.Where(p => p.Name == IdempotentRecords.Header).ToList()) operation.Parameters.Remove(declared);
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentRecords.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: the first request creates the record (201); the same key with the same request returns " +
                "that record (200, same Location); the same key with a different request is refused (422). 1–200 characters, e.g. a UUID.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
        });
        operation.Responses ??= [];
        ContractOperationTransformer.Add(operation, context, "422", "The idempotency key was used for a different request.");
        // Runs after the contract's transformer, so the retry's answer carries the created record's content and Location.
        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse first && !operation.Responses.ContainsKey("200"))
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "A retry with the same key and request: the record stored the first time, at the same Location.",
                Content = first.Content,
                Headers = first.Headers,
            };
        return Task.CompletedTask;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Problems;

/// <summary>
/// The one place where refusals become RFC 9457 problems. Engine refusals keep their own words;
/// unreadable requests get a message that says what to fix; a database that is briefly unavailable
/// becomes a 503 the client may retry, not a 500.
/// </summary>
public sealed partial class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for a PostgreSQL restart or a SQLite writer to finish, short enough for a user to wait.</summary>
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            EngineProblem e => FromEngine(e),
            BadHttpRequestException { InnerException: JsonException json } when UnknownProperty(json) is { } path => Unknown(path),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(context),
            BadHttpRequestException { InnerException: JsonException json } => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read",
                Detail = $"The request body is not valid JSON or has a value of the wrong type{Where(json)}. Check the request and send it again.",
            },
            BadHttpRequestException bad when Binding(bad) is { } binding => binding,
            // The framework reads the charset before the JSON and throws on one it does not know: the client's mistake, not a 500.
            InvalidOperationException { InnerException: ArgumentException } charset
                when charset.Message.Contains("content type charset", StringComparison.Ordinal) => new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "The request body is not JSON in a known encoding",
                    Detail = "Send the request body as UTF-8 JSON, with the header Content-Type: application/json (charset=utf-8 or no charset).",
                },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.Message,
            },
            _ when DatabaseErrors.IsUnavailable(exception) => Unavailable(context, exception),
            _ => null,
        };
        if (problem is null) return false;

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Refusals that come from the framework rather than the engine (sign-in, role policies, unknown routes) get words
    /// a policy adviser understands too.
    /// </summary>
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Detail is not null) return;
        if (problem.Status == StatusCodes.Status400BadRequest && UnparsedQueryValues(context.HttpContext) is { Count: > 0 } errors)
        {
            problem.Title = InvalidFieldsTitle;
            problem.Detail = InvalidFieldsDetail;
            problem.Extensions["errors"] = errors;
            return;
        }
        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => ("Sign-in required",
                "You are not signed in, or your sign-in has expired or is not accepted. Sign in again through your organisation's identity provider."),
            StatusCodes.Status403Forbidden => ("You may not do this",
                "Your role does not allow this. Ask an administrator (beheerder) if you think you need it."),
            StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address. Check the address and try again."),
            StatusCodes.Status405MethodNotAllowed => ("This address does not take this method",
                $"{context.HttpContext.Request.Method} is not possible here; the Allow header lists the methods this address takes."),
            StatusCodes.Status413PayloadTooLarge => (TooLarge(context.HttpContext).Title, TooLarge(context.HttpContext).Detail),
            StatusCodes.Status415UnsupportedMediaType => ("The request body is not JSON",
                "Send the request body as JSON, with the header Content-Type: application/json."),
            StatusCodes.Status400BadRequest => ("The request could not be read", "The request is malformed; check the address, its parameters and the body."),
            _ => (problem.Title, problem.Detail),
        };
    }

    private ProblemDetails Unavailable(HttpContext context, Exception exception)
    {
        // The base message says enough (refused, shutting down, busy); a stack trace per request would bury the log during an outage.
        logger.LogWarning("The database is unavailable ({Reason}); answered {Method} {Path} with 503",
            exception.GetBaseException().Message, context.Request.Method, context.Request.Path);
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The case register is briefly unavailable",
            Detail = "The database could not be reached, so your request may not have been saved. Try again in a few seconds " +
                "(the Retry-After header says after how many); a registration or record sent with an Idempotency-Key is never saved twice.",
        };
    }

    /// <summary>
    /// System.Text.Json refuses a property no request record has (the API's serializer options disallow unmapped members),
    /// so a misspelt <c>company</c> or <c>adresses</c> is not silently dropped. Its path ends in the property's name.
    /// </summary>
    private static string? UnknownProperty(JsonException json) =>
        json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && json.Path is { Length: > 2 } path
            ? path[(path.StartsWith("$.", StringComparison.Ordinal) ? 2 : 1)..]
            : null;

    private static ValidationProblemDetails Unknown(string path) =>
        new(new Dictionary<string, string[]>
        {
            [path] = [$"'{path}' is not a property of this request. Check its spelling against the API reference, or leave it out."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has a property the API does not know",
            Detail = $"The request body has '{path}', which this request does not take, so it would be lost. Nothing was saved.",
        };

    private static ProblemDetails TooLarge(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        return new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "The request is too large",
            Detail = limit is { } bytes
                ? $"This address takes a request body of at most {bytes / 1024} KB. Send less at once, for example long texts as separate information items."
                : "The request body is larger than this address takes. Send less at once.",
        };
    }

    /// <summary>The framework's words for a query value or body it could not bind are meant for a developer; these say what to send.</summary>
    private static ProblemDetails? Binding(BadHttpRequestException bad)
    {
        if (bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal)
            || (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) && bad.Message.Contains("was not provided from body", StringComparison.Ordinal)))
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has no body",
                Detail = "This request needs a JSON object as its body, with the header Content-Type: application/json.",
            };
        if (BindFailure().Match(bad.Message) is not { Success: true } match) return null;
        var name = JsonNamingPolicy.CamelCase.ConvertName(match.Groups["name"].Value);
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [name] = [NotValid(name, match.Groups["value"].Value, match.Groups["type"].Value.Contains("int", StringComparison.OrdinalIgnoreCase))],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidFieldsTitle,
            Detail = InvalidFieldsDetail,
        };
    }

    private const string InvalidFieldsTitle = "Some fields are missing or not valid";
    private const string InvalidFieldsDetail = "Correct the fields listed under 'errors' and send the request again.";

    private static string NotValid(string name, string value, bool wholeNumber) =>
        $"'{value}' is not a valid {name}{(wholeNumber ? "; give a whole number" : "")}.";

    /// <summary>
    /// The request delegate generator answers a query value that does not parse as an optional parameter (page=twee for an
    /// <c>int?</c>) with a bare 400 and no exception to say which. The endpoint's own description of its parameters does:
    /// every query value that does not parse as its parameter's type is named, as a failed required one is.
    /// </summary>
    private static Dictionary<string, string[]> UnparsedQueryValues(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var parameter in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterInfo.ParameterType) ?? parameter.ParameterInfo.ParameterType;
            if (!parameter.HasTryParse || type == typeof(string) || !http.Request.Query.TryGetValue(parameter.Name, out var values)) continue;
            var value = values.ToString();
            if (value.Length == 0 || Parses(type, value)) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name);
            errors[name] = [NotValid(name, value, type == typeof(int) || type == typeof(long))];
        }
        return errors;
    }

    /// <summary>As the generated code parses a query value: the type's own TryParse with the invariant culture.</summary>
    private static bool Parses(Type type, string value)
    {
        var tryParse = type.GetMethod("TryParse", [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [value, System.Globalization.CultureInfo.InvariantCulture, null])!;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>\w+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    private static string Where(JsonException json) =>
        json.Path is { Length: > 1 } path ? $" (at '{path.TrimStart('$', '.')}', line {json.LineNumber + 1})" : "";

    private static ProblemDetails FromEngine(EngineProblem e)
    {
        var status = e.Kind switch
        {
            ProblemKind.Invalid => StatusCodes.Status400BadRequest,
            ProblemKind.NotFound => StatusCodes.Status404NotFound,
            ProblemKind.Conflict => StatusCodes.Status409Conflict,
            ProblemKind.RuleViolation => StatusCodes.Status422UnprocessableEntity,
            ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = e.Errors.Count > 0
            ? new ValidationProblemDetails(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = e.Title;
        problem.Detail = e.Detail;
        return problem;
    }
}

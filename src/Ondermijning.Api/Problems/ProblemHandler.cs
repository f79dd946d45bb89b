using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Persistence;

namespace Ondermijning.Api.Problems;

/// <summary>
/// The one place where refusals become RFC 9457 problems. Engine refusals keep their own words;
/// unreadable requests get a message that says what to fix; a database that is briefly unavailable
/// becomes a 503 the client may retry, not a 500.
/// </summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> logger) : IExceptionHandler
{
    /// <summary>Long enough for a PostgreSQL restart or a SQLite writer to finish, short enough for a user to wait.</summary>
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            EngineProblem e => FromEngine(e),
            BadHttpRequestException { InnerException: JsonException json } => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request could not be read",
                Detail = $"The request body is not valid JSON or has a value of the wrong type{Where(json)}. Check the request and send it again.",
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
        (problem.Title, problem.Detail) = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => ("Sign-in required",
                "You are not signed in, or your sign-in has expired or is not accepted. Sign in again through your organisation's identity provider."),
            StatusCodes.Status403Forbidden => ("You may not do this",
                "Your role does not allow this. Ask an administrator (beheerder) if you think you need it."),
            StatusCodes.Status404NotFound => ("Not found", "There is nothing at this address. Check the address and try again."),
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
                "(the Retry-After header says after how many); a registration sent with an Idempotency-Key is never saved twice.",
        };
    }

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

using System.Globalization;
using System.Threading.RateLimiting;
using AutoMapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;
using Ondermijning.Api.Access;
using Ondermijning.Api.Cases;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Persistence;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Signals;

namespace Ondermijning.Api.Signals;

public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Lookups one client address may make per minute; guessing a 100-bit code needs far more.</summary>
    public int LookupsPerMinute { get; set; } = 10;
}

public sealed class ReceiptDto
{
    /// <summary>ontvangen, in behandeling or afgehandeld.</summary>
    public string Status { get; init; } = "";
    public string? Feedback { get; init; }
    public Instant? FeedbackAt { get; init; }
}

public sealed record FeedbackRequest(string? Text);

public static class ReceiptEndpoints
{
    /// <summary>The limit on receipt lookups, for the API and for the reporter's page alike, per client address.</summary>
    public const string LookupPolicy = "receipt-lookups";

    public static void AddReceiptLookupLimits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ReceiptOptions>(builder.Configuration.GetSection(ReceiptOptions.Section));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LookupPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<ReceiptOptions>>().Value.LookupsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                // The fixed window knows when it reopens; a client that waits that long is let through.
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    // The reporter's page: a person, who reads Dutch, not a problem document.
                    context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await context.HttpContext.Response.WriteAsync(
                        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Even wachten – Uw melding</title></head><body>" +
                        "<main><h1>Even wachten</h1><p role=\"alert\">U heeft in korte tijd vaak een code ingevoerd. Probeer het over " +
                        $"{seconds} seconden opnieuw.</p><p><a href=\"/melding\">Terug naar ‘Uw melding bekijken’</a></p></main></body></html>",
                        cancellationToken);
                    return;
                }
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many lookups",
                        Detail = "You looked up receipt codes too often in a short time. Wait as many seconds as the Retry-After header says and try again.",
                    },
                });
            };
        });
    }

    public static RouteGroupBuilder MapReceiptEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/receipts/{code}", LookUp).WithTags("Receipts").AllowAnonymous().RequireRateLimiting(LookupPolicy)
            .WithSummary("For the reporter, without sign-in: the coarse status of their signal and the feedback written to them.")
            .ProducesProblem(404).ProducesProblem(429);
        api.MapPost("/cases/{id}/feedback", Feedback).Requires(Permission.WriteFeedback).WithTags("Receipts")
            .WithSummary("Write the feedback (terugkoppeling) the reporter sees with their receipt code.")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return api;
    }

    private static async Task<Ok<ReceiptDto>> LookUp(string code, Receipts receipts, DataScope scope, IMapper mapper,
        CancellationToken cancellationToken)
    {
        // The reporter signs in with nothing but the secret code: it, not a municipality, decides what they may see.
        scope.Widen();
        return TypedResults.Ok(mapper.Map<ReceiptDto>(await receipts.LookUpAsync(code, cancellationToken)));
    }

    private static async Task<NoContent> Feedback(string id, FeedbackRequest request, Receipts receipts, HttpContext http,
        CancellationToken cancellationToken)
    {
        await receipts.WriteFeedbackAsync(CaseEndpoints.ParseId(id), request.Text, http.User.ToActor(), cancellationToken);
        return TypedResults.NoContent();
    }
}

using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Net.Http.Headers;

namespace Ondermijning.Api.Hosting;

/// <summary>
/// The headers every response carries, whoever produced it (an endpoint, a page, a static file, an exception handler,
/// a status-code page): they are set when the response starts, after anything that clears the headers has run.
/// </summary>
public static class SecurityHeaders
{
    private const string DefaultRetryAfterSeconds = "2";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                // No page is meant to be shown inside another site's frame (clickjacking). Only frame-ancestors: a wider
                // policy would have to allow the pages' inline styles and the API reference's scripts one by one.
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                // Page addresses name cases (/zaken/{id}); no page or endpoint reads the Referer header, so none is sent,
                // not even to ourselves.
                headers["Referrer-Policy"] = "no-referrer";
                // Case data must not linger in a browser's or proxy's cache. Static assets carry none and keep their caching.
                if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
                    headers.CacheControl = "no-store";
                // A refusal to be retried says when (RFC 9110 §10.2.3). Who knows better sets it (the rate limiter, the problem
                // handler's 503); this covers any other 429 or 503, e.g. a status answered before an endpoint ran.
                if (context.Response.StatusCode is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
                    && !headers.ContainsKey(HeaderNames.RetryAfter))
                    headers.RetryAfter = DefaultRetryAfterSeconds;
                return Task.CompletedTask;
            });
            return next(context);
        });
}

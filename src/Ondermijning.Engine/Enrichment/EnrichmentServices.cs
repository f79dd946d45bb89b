using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Ondermijning.Engine.Enrichment;

public static class EnrichmentServices
{
    public static IServiceCollection AddEnrichment(this IServiceCollection services)
    {
        services.AddOptions<EnrichmentOptions>();
        services.AddMemoryCache();
        services.AddSingleton<EnrichmentProviders>();
        services.AddHttpClient<KvkClient>().AddResilienceHandler("kvk", Resilience);
        services.AddHttpClient<BagClient>().AddResilienceHandler("bag", Resilience);
        services.AddScoped<EnrichCase>();
        services.AddScoped<EnrichNewSignals>();
        services.AddScoped<EnrichmentQueries>();
        services.AddScoped<AddManualFinding>();
        services.AddSingleton<FindingItems>();
        services.AddScoped<DecideEnrichment>();
        return services;
    }

    /// <summary>
    /// Outer to inner: a bound on the whole call, retries with exponential back-off for transient failures
    /// (5xx, 408, timeouts, and 429 after the Retry-After the register asks for), a circuit breaker so a register
    /// that is down is left alone for a while, and a bound on each attempt.
    /// </summary>
    private static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var http = context.ServiceProvider.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Http;
        pipeline
            .AddTimeout(http.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = http.MaxRetries,
                Delay = http.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { StatusCode: System.Net.HttpStatusCode.TooManyRequests } tooMany
                        ? RetryAfter(tooMany) is not { } wait || wait <= http.MaxRetryAfter
                        : HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response) : null),
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                MinimumThroughput = http.CircuitMinimumThroughput,
                BreakDuration = http.BreakDuration,
            })
            .AddTimeout(http.AttemptTimeout);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta;
        // An HTTP-date is the register's wall clock, so it is compared with the real one, not the engine's IClock.
        return retryAfter.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Ondermijning.Engine.Enrichment;

/// <summary>What was asked of a register and what came back, exactly: the provenance of a finding.</summary>
public sealed record RegisterCall(string RequestUrl, Instant RetrievedAt, int? StatusCode, string? Body, string? Failure);

public enum LookupOutcome { Found, NotFound, Failed }

/// <summary>A register's answer read into our terms. <see cref="Problem"/> is a Dutch sentence when it is not found or failed.</summary>
public sealed record Lookup<T>(LookupOutcome Outcome, T? Value, RegisterCall Call, string? Problem) where T : class
{
    /// <summary>Reads a found answer into our terms; an answer that holds nothing (an empty list) becomes not found.</summary>
    public Lookup<TOut> Map<TOut>(Func<T, TOut?> map, Func<string> empty) where TOut : class
    {
        if (Outcome != LookupOutcome.Found) return new(Outcome, null, Call, Problem);
        var value = map(Value!);
        return value is null ? new(LookupOutcome.NotFound, null, Call, empty()) : new(LookupOutcome.Found, value, Call, null);
    }
}

/// <summary>
/// The part every register adapter shares: one GET through the resilient HTTP pipeline, answers cached
/// for the configured lifetime, and every failure turned into a value rather than an exception, because a
/// register being down must never break the case.
/// </summary>
public abstract class RegisterClient(HttpClient http, IMemoryCache cache, IClock clock, IOptions<EnrichmentOptions> options, ILogger logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    protected abstract EnrichmentProvider Provider { get; }
    /// <summary>How the register is named in sentences for the user.</summary>
    protected abstract string RegisterName { get; }
    protected abstract void Authorise(HttpRequestMessage request, string apiKey);

    protected async Task<Lookup<T>> GetAsync<T>(string relativeUrl, Func<T, bool> isComplete, Func<string> notFound,
        CancellationToken cancellationToken) where T : class
    {
        var call = await SendAsync(relativeUrl, cancellationToken);
        if (call.Failure is not null) return new(LookupOutcome.Failed, null, call, call.Failure);
        switch (call.StatusCode)
        {
            case (int)HttpStatusCode.NotFound:
                return new(LookupOutcome.NotFound, null, call, notFound());
            case (int)HttpStatusCode.OK:
                try
                {
                    var value = JsonSerializer.Deserialize<T>(call.Body!, Json);
                    if (value is not null && isComplete(value)) return new(LookupOutcome.Found, value, call, null);
                }
                catch (JsonException e)
                {
                    logger.LogWarning("{Register} answered {Url} with unreadable JSON: {Error}", RegisterName, call.RequestUrl, e.Message);
                }
                return new(LookupOutcome.Failed, null, call,
                    $"Het antwoord van {RegisterName} was onleesbaar of onvolledig; het is bewaard voor controle. Probeer het later opnieuw.");
            default:
                logger.LogWarning("{Register} answered {Url} with status {Status}", RegisterName, call.RequestUrl, call.StatusCode);
                return new(LookupOutcome.Failed, null, call, StatusProblem(call.StatusCode!.Value));
        }
    }

    private string StatusProblem(int status) => status switch
    {
        401 or 403 => $"{RegisterName} weigerde de API-sleutel (status {status}). Laat de beheerder de instelling Enrichment:{Provider}:ApiKey controleren.",
        429 => $"{RegisterName} liet weten dat er te veel verzoeken zijn gedaan (status 429). Probeer de verrijking later opnieuw.",
        >= 500 => $"{RegisterName} had een storing (status {status}), ook na herhaalde pogingen. Probeer de verrijking later opnieuw.",
        _ => $"{RegisterName} weigerde het verzoek (status {status}).",
    };

    private async Task<RegisterCall> SendAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        var settings = options.Value.For(Provider);
        var baseUrl = settings.BaseUrl!.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/";
        var url = new Uri(new Uri(baseUrl), relativeUrl).ToString();
        var cacheKey = $"{Provider}|{url}";
        if (cache.TryGetValue(cacheKey, out RegisterCall? cached) && cached is not null) return cached;

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        Authorise(request, settings.ApiKey!);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var call = new RegisterCall(url, clock.GetCurrentInstant(), (int)response.StatusCode, body, null);
            // Only definite answers are worth reusing; a failure must be retried on the next run.
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && options.Value.CacheLifetime > TimeSpan.Zero)
                cache.Set(cacheKey, call, options.Value.CacheLifetime);
            return call;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
                                      or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("{Register} could not be reached at {Url}: {Error}", RegisterName, url, e.Message);
            var failure = e switch
            {
                BrokenCircuitException => $"{RegisterName} is tijdelijk niet geraadpleegd omdat eerdere verzoeken steeds mislukten. Probeer de verrijking later opnieuw.",
                TimeoutRejectedException or OperationCanceledException => $"{RegisterName} antwoordde niet op tijd, ook niet na herhaalde pogingen. Probeer de verrijking later opnieuw.",
                _ => $"{RegisterName} was niet bereikbaar, ook niet na herhaalde pogingen. Probeer de verrijking later opnieuw.",
            };
            return new RegisterCall(url, clock.GetCurrentInstant(), null, null, failure);
        }
    }
}

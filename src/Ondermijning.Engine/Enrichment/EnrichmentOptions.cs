namespace Ondermijning.Engine.Enrichment;

/// <summary>
/// Where the registers live, the keys to use them and how patiently to ask. Keys never belong in the
/// repository: supply them through user secrets or environment variables (<c>Enrichment__Kvk__ApiKey</c>).
/// </summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Enrichment";

    public RegisterOptions Kvk { get; set; } = new() { BaseUrl = "https://api.kvk.nl/" };
    public RegisterOptions Bag { get; set; } = new() { BaseUrl = "https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2/" };

    /// <summary>How long a register's answer is reused; zero asks the register every time.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromHours(1);

    public RegisterHttpOptions Http { get; set; } = new();

    /// <summary>From this many registrations at one address the proposal mentions it.</summary>
    public int ManyCompaniesThreshold { get; set; } = 5;

    /// <summary>A company registered less than this many months before the signal counts as recently registered.</summary>
    public int RecentRegistrationMonths { get; set; } = 12;

    internal RegisterOptions For(EnrichmentProvider provider) => provider switch
    {
        EnrichmentProvider.Kvk => Kvk,
        EnrichmentProvider.Bag => Bag,
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

public sealed class RegisterOptions
{
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
}

/// <summary>Timeouts, retries and the circuit breaker around every register call.</summary>
public sealed class RegisterHttpOptions
{
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public int MaxRetries { get; set; } = 3;
    /// <summary>The first back-off delay; it doubles (with jitter) per retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>A 429 asking to wait longer than this is not retried: the user gets a finding saying so instead of a hanging request.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
    public int CircuitMinimumThroughput { get; set; } = 10;
}

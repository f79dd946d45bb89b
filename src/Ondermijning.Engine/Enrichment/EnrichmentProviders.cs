using Microsoft.Extensions.Options;

namespace Ondermijning.Engine.Enrichment;

public enum EnrichmentProvider { Kvk, Bag }

/// <summary>Why a register is switched off: the pages word it for their users, the reason names the setting for administrators.</summary>
public enum ProviderOff { NoApiKey, BadBaseUrl }

public sealed record ProviderStatus(EnrichmentProvider Provider, bool Enabled, string Reason, ProviderOff? Off = null);

/// <summary>
/// Which registers can be asked. A register without a key is switched off rather than failing, so the
/// service runs (and signals are registered) before the municipality has its keys.
/// </summary>
public sealed class EnrichmentProviders(IOptions<EnrichmentOptions> options)
{
    public IReadOnlyList<ProviderStatus> All => [Status(EnrichmentProvider.Kvk), Status(EnrichmentProvider.Bag)];

    public ProviderStatus Status(EnrichmentProvider provider)
    {
        var settings = options.Value.For(provider);
        var name = RegisterNames.Of(provider);
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
            return new(provider, false,
                $"Switched off: no API key. Set Enrichment:{provider}:ApiKey (user secrets, or the environment variable Enrichment__{provider}__ApiKey).", ProviderOff.NoApiKey);
        if (!Uri.TryCreate(settings.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new(provider, false, $"Switched off: Enrichment:{provider}:BaseUrl is not a web address (http or https).", ProviderOff.BadBaseUrl);
        return new(provider, true, $"Switched on: {name} at {uri}.");
    }
}

internal static class RegisterNames
{
    public static string Of(EnrichmentProvider provider) => provider switch
    {
        EnrichmentProvider.Kvk => "KvK Handelsregister",
        EnrichmentProvider.Bag => "BAG (Kadaster)",
        _ => provider.ToString(),
    };
}

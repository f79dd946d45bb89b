namespace Ondermijning.Api.Identity;

/// <summary>How users sign in: a real identity provider (JWT bearer), or in development the demo users.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public JwtOptions Jwt { get; set; } = new();
    public OidcOptions Oidc { get; set; } = new();
    public ClaimMappingOptions Claims { get; set; } = new();
    public DevelopmentIdentityOptions Development { get; set; } = new();
}

public sealed class JwtOptions
{
    /// <summary>The identity provider's issuer URL; its signing keys are discovered from there.</summary>
    public string? Authority { get; set; }
    public string? Audience { get; set; }
    /// <summary>Expected issuer when it differs from <see cref="Authority"/> or when tokens are checked with <see cref="SigningKey"/>.</summary>
    public string? Issuer { get; set; }
    /// <summary>A symmetric key (at least 32 characters) instead of an authority: for tests and closed set-ups only.</summary>
    public string? SigningKey { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}

/// <summary>The web pages' sign-in at the same identity provider (OpenID Connect, authorization code flow).</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    /// <summary>Supply through user secrets or the environment (<c>Identity__Oidc__ClientSecret</c>), never in the repository.</summary>
    public string? ClientSecret { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>Which claim of the provider's token carries what; providers name them differently.</summary>
public sealed class ClaimMappingOptions
{
    public string UserId { get; set; } = "sub";
    public string Name { get; set; } = "name";
    public string Organisation { get; set; } = "organisation";
    public string Roles { get; set; } = "roles";
    /// <summary>One claim per municipality, or one claim with codes separated by spaces or commas.</summary>
    public string Municipalities { get; set; } = "municipalities";
}

public sealed class DevelopmentIdentityOptions
{
    /// <summary>On by default only in the Development environment.</summary>
    public bool? Enabled { get; set; }
    /// <summary>The demo user a request without an <c>X-Demo-User</c> header acts as.</summary>
    public string DefaultUser { get; set; } = "";
    // The demo users live in appsettings.json: the configuration binder appends to, rather than replaces, initialised lists.
    public List<DemoUser> Users { get; set; } = [];
}

public sealed class DemoUser
{
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public List<string> Municipalities { get; set; } = [];
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ondermijning.Api.Identity;

/// <summary>
/// The user the embedded default acts as until a real identity provider is configured. It produces the
/// same claims a real provider would, so everything downstream works on claims alone.
/// </summary>
public sealed class DevelopmentIdentityOptions
{
    public const string Section = "Identity:Development";

    /// <summary>On by default only in the Development environment.</summary>
    public bool? Enabled { get; set; }
    // Defaults live in appsettings.json: the configuration binder appends to, rather than replaces, initialised lists.
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";
    public List<string> Roles { get; set; } = [];
}

public sealed class DevelopmentIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<DevelopmentIdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = identity.Value;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId),
            new(ClaimTypes.Name, user.Name),
            new(ActorClaims.Organisation, user.Organisation),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Identity;

/// <summary>
/// The embedded default until a real identity provider is configured: demo users from each organisation, chosen per
/// request with the <c>X-Demo-User</c> header. It produces the same claims a real provider's token becomes.
/// </summary>
public sealed class DevelopmentIdentityHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<IdentityOptions> identity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string UserHeader = "X-Demo-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var development = identity.Value.Development;
        var wanted = Request.Headers[UserHeader].FirstOrDefault() ?? development.DefaultUser;
        var user = development.Users.FirstOrDefault(u => u.UserId == wanted);
        if (user is null)
            return Task.FromResult(AuthenticateResult.Fail(
                $"There is no demo user '{wanted}'; choose one of: {string.Join(", ", development.Users.Select(u => u.UserId))}."));

        var (built, refusal) = ActorClaims.Build(Context.RequestServices.GetRequiredService<Vocabulary>(), SchemeName, user.UserId, user.Name, user.Organisation, user.Roles, user.Municipalities);
        return Task.FromResult(built is null
            ? AuthenticateResult.Fail(refusal!)
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(built), SchemeName)));
    }
}

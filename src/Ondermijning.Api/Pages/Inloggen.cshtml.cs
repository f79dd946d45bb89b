using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Ondermijning.Api.Identity;
using Ondermijning.Engine.Privacy;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Pages;

/// <summary>
/// Sign-in for the pages: at the organisation's identity provider (OpenID Connect) in production; on the embedded
/// default a choice of demo users, one per organisation, so that what each partner may see can be tried out.
/// </summary>
public sealed class InloggenModel(IOptions<Ondermijning.Api.Identity.IdentityOptions> identity, IHostEnvironment environment) : PageModel
{
    public bool DemoUsersOn => identity.Value.Development.Enabled ?? environment.IsDevelopment();
    public bool ProviderOn => identity.Value.Oidc.IsConfigured;
    public IReadOnlyList<DemoUser> DemoUsers => DemoUsersOn ? identity.Value.Development.Users : [];
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOr(returnUrl);

    public IActionResult OnPostProvider(string? returnUrl) =>
        ProviderOn ? Challenge(new AuthenticationProperties { RedirectUri = LocalOr(returnUrl) }, Ondermijning.Api.Identity.SignIn.OidcScheme) : NotFound();

    public async Task<IActionResult> OnPostDemoAsync(string gebruiker, string? returnUrl)
    {
        var user = DemoUsers.FirstOrDefault(u => u.UserId == gebruiker);
        if (user is null) return NotFound();
        var (built, _) = ActorClaims.Build(HttpContext.RequestServices.GetRequiredService<Vocabulary>(), Ondermijning.Api.Identity.SignIn.CookieScheme, user.UserId, user.Name, user.Organisation, user.Roles, user.Municipalities);
        if (built is null) return NotFound();
        await HttpContext.SignInAsync(Ondermijning.Api.Identity.SignIn.CookieScheme, new ClaimsPrincipal(built));
        return LocalRedirect(LocalOr(returnUrl));
    }

    private string LocalOr(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

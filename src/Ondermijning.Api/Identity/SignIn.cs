using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Ondermijning.Engine.Common;
using Ondermijning.Engine.Workflows;

namespace Ondermijning.Api.Identity;

public static class SignIn
{
    public const string SchemeName = "Ondermijning";
    /// <summary>The web pages keep who signed in in a cookie; the API takes tokens.</summary>
    public const string CookieScheme = "Pagina";
    public const string CookieName = "ondermijning";
    public const string OidcScheme = "oidc";
    public const string PagesPolicy = "pagina";
    /// <summary>The OpenAPI document and the API reference: a token, as for the API, or the pages' cookie, as in a browser.</summary>
    public const string ReferencePolicy = "referentie";

    /// <summary>
    /// Production signs in with JWT bearer tokens from the configured identity provider. The demo users are on only in
    /// Development or when <c>Identity:Development:Enabled</c> says so, and never in Production: a setting asking for
    /// them there stops start-up rather than being ignored, so the operator learns that it is wrong.
    /// </summary>
    public static void AddOndermijningSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityOptions.Section);
        builder.Services.Configure<IdentityOptions>(section);
        var options = section.Get<IdentityOptions>() ?? new IdentityOptions();
        var jwt = options.Jwt.IsConfigured;
        var development = options.Development.Enabled ?? builder.Environment.IsDevelopment();

        if (builder.Environment.IsProduction() && options.Development.Enabled == true)
            throw new StartupRefusal(
                "Demo users cannot be used in Production: anyone could act as any of them, the administrator included; the service " +
                "does not start. Remove the setting Identity:Development:Enabled (environment variable Identity__Development__Enabled).");
        if (builder.Environment.IsProduction() && !jwt)
            throw new StartupRefusal(
                "No identity provider is configured, so nobody could sign in safely; the service does not start. " +
                "Set Identity:Jwt:Authority and Identity:Jwt:Audience (environment variables Identity__Jwt__Authority and " +
                "Identity__Jwt__Audience) to your organisation's OpenID Connect provider. The demo users are never used in Production.");
        if (!jwt && !development)
            throw new StartupRefusal(
                "Sign-in is not configured: set Identity:Jwt:Authority and Identity:Jwt:Audience, or turn on the demo users with " +
                "Identity:Development:Enabled=true (not in Production).");

        var authentication = builder.Services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, "Ondermijning sign-in", policy => policy.ForwardDefaultSelector = http =>
            {
                var bearer = http.Request.Headers.Authorization.Any(h => h?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true);
                if (jwt && (bearer || !development)) return JwtBearerDefaults.AuthenticationScheme;
                // A browser that signed in on the pages (the Hangfire dashboard, say) is known by its cookie.
                if (http.Request.Cookies.ContainsKey(CookieName) && !bearer) return CookieScheme;
                return development ? DevelopmentIdentityHandler.SchemeName : CookieScheme;
            })
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/inloggen";
                cookie.LogoutPath = "/uitloggen";
                cookie.AccessDeniedPath = "/fout/403";
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context =>
                {
                    // A program fetching the OpenAPI document gets the API's 401; a person is sent to sign in.
                    if (context.Request.Path.StartsWithSegments(Hosting.ApiReference.DocumentPath)) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        if (options.Oidc.IsConfigured)
            authentication.AddOpenIdConnect(OidcScheme, oidc => ConfigureOidc(oidc, options));
        if (development)
            authentication.AddScheme<AuthenticationSchemeOptions, DevelopmentIdentityHandler>(DevelopmentIdentityHandler.SchemeName, null);
        if (jwt)
            authentication.AddJwtBearer(bearer => ConfigureBearer(bearer, options));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PagesPolicy, policy => policy.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser())
            // The cookie last: of the two challenges, its redirect to the sign-in page is the one a person should see.
            .AddPolicy(ReferencePolicy, policy => policy.AddAuthenticationSchemes(SchemeName, CookieScheme).RequireAuthenticatedUser());
    }

    private static void ConfigureOidc(Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions oidc, IdentityOptions options)
    {
        var claims = options.Claims;
        oidc.SignInScheme = CookieScheme;
        oidc.Authority = options.Oidc.Authority;
        oidc.ClientId = options.Oidc.ClientId;
        oidc.ClientSecret = options.Oidc.ClientSecret;
        oidc.RequireHttpsMetadata = options.Oidc.RequireHttpsMetadata;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = true;
        oidc.Events = new Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectEvents
        {
            // The same claim mapping as the API's tokens, so a person is the same actor on both.
            OnTokenValidated = context =>
            {
                var token = context.Principal!;
                var (identity, refusal) = ActorClaims.Build(context.HttpContext.RequestServices.GetRequiredService<Vocabulary>(), CookieScheme,
                    token.FindFirstValue(claims.UserId), token.FindFirstValue(claims.Name), token.FindFirstValue(claims.Organisation),
                    token.FindAll(claims.Roles).Select(c => c.Value), token.FindAll(claims.Municipalities).Select(c => c.Value));
                if (identity is null) context.Fail(refusal!);
                else context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            },
        };
    }

    private static void ConfigureBearer(JwtBearerOptions bearer, IdentityOptions options)
    {
        var jwt = options.Jwt;
        var claims = options.Claims;
        // Keep the provider's claim names as they are, so the configured mapping sees what the provider sent.
        bearer.MapInboundClaims = false;
        bearer.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        bearer.Audience = jwt.Audience;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateAudience = !string.IsNullOrWhiteSpace(jwt.Audience),
            ValidAudience = jwt.Audience,
            ValidateIssuer = !string.IsNullOrWhiteSpace(jwt.Issuer) || !string.IsNullOrWhiteSpace(jwt.Authority),
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)),
        };
        bearer.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var token = context.Principal!;
                var (identity, refusal) = ActorClaims.Build(context.HttpContext.RequestServices.GetRequiredService<Vocabulary>(), JwtBearerDefaults.AuthenticationScheme,
                    token.FindFirstValue(claims.UserId), token.FindFirstValue(claims.Name), token.FindFirstValue(claims.Organisation),
                    token.FindAll(claims.Roles).Select(c => c.Value), token.FindAll(claims.Municipalities).Select(c => c.Value));
                if (identity is null) context.Fail(refusal!);
                else context.Principal = new ClaimsPrincipal(identity);
                return Task.CompletedTask;
            },
        };
    }
}

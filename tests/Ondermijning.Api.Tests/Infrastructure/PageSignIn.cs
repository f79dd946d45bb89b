using System.Net;
using System.Text.RegularExpressions;

namespace Ondermijning.Api.Tests.Infrastructure;

public static partial class PageSignIn
{
    /// <summary>
    /// A client signed in on the pages as a demo user, the way a person does: the sign-in form, its antiforgery token,
    /// and the cookie kept for the following requests. The factory needs <see cref="ApiFactory.DemoUsers"/>.
    /// </summary>
    public static async Task<HttpClient> SignInOnPagesAsync(this ApiFactory factory, string demoUser)
    {
        var browser = factory.CreateAnonymousClient();
        var form = await browser.GetStringAsync("/inloggen");
        var signIn = await browser.PostAsync("/inloggen?handler=Demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["gebruiker"] = demoUser, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));
        await signIn.ShouldHaveStatus(HttpStatusCode.OK);
        return browser;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

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
            ["gebruiker"] = demoUser, ["returnUrl"] = "/", ["__RequestVerificationToken"] = FormToken(form),
        }));
        await signIn.ShouldHaveStatus(HttpStatusCode.OK);
        return browser;
    }

    /// <summary>The antiforgery token of the first form on a page, to post a form as its page would.</summary>
    public static string FormToken(string html) => Token().Match(html).Groups[1].Value;

    /// <summary>Posts a form of <paramref name="page"/> (its HTML) with its antiforgery token, as the browser would.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, string action, string page, Dictionary<string, string> fields) =>
        browser.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = FormToken(page) }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// Waits until a page is at an address. Playwright's own <c>WaitForURLAsync</c> checks the address and then subscribes
/// to the load event, and can lose the event in between when the page loads quickly (microsoft/playwright-dotnet#3364):
/// CI then waited 30 s for a sign-in that had long finished. The address assertion asks the browser again until it
/// matches, so there is no event to lose; then it waits for the page's load in short waits, each of which finds a load
/// an earlier one missed already recorded.
/// </summary>
public static class Arrival
{
    private static readonly PageAssertionsToHaveURLOptions Patience = new() { Timeout = 30_000 };

    /// <summary>An exact address, or a glob in Playwright's sense (<c>**</c> any characters, <c>*</c> any but '/').</summary>
    public static async Task ArrivedAtAsync(this IPage page, string url)
    {
        if (url.Contains('*')) await Expect(page).ToHaveURLAsync(Glob(url), Patience);
        else await Expect(page).ToHaveURLAsync(url, Patience);
        await Loaded(page);
    }

    public static async Task ArrivedAtAsync(this IPage page, Regex url)
    {
        await Expect(page).ToHaveURLAsync(url, Patience);
        await Loaded(page);
    }

    private static async Task Loaded(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 30)
            {
            }
        }
    }

    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$");
}

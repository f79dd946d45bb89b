using System.Text.RegularExpressions;
using Ondermijning.Api.Tests.Contract;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// A full-page screenshot of every kind of page each demo user reaches, in artifacts/screenshots, named after the page and
/// the user, for the pages the whole-job flows do not pass through. The page list is the Dutch-pages crawler's.
/// </summary>
[Trait(StorageTrait.Name, StorageTrait.Independent)]
[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]
[LongRunning(seconds: 45)]
public partial class EveryPageScreenshotTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("demo-oov", "Demo OOV-regisseur")]
    [InlineData("demo-beheerder", "Demo beheerder")]
    [InlineData("demo-statistiek", "Demo statistiek")]
    [InlineData("demo-politie", "Demo Politie")]
    [InlineData("demo-belastingdienst", "Demo Belastingdienst")]
    public async Task Every_page_a_demo_user_reaches_is_photographed(string demoUser, string name)
    {
        await using var factory = new ApiFactory { DemoUsers = true, Settings = FuzzTests.NoScheduledJobs };
        var address = factory.StartOnLoopback();
        var pages = await DutchPagesTests.EveryPageAsync(factory, demoUser);
        await using var user = await OnThePages.OpenAsync(browser, address, demoUser);
        await user.SignInAs(name);

        // One of each kind: a second case page looks like the first. The crawler starts at a case that does not exist, for
        // the page that says so; the picture of a case page is of a case that does. Two tabs take turns, so that Chromium
        // renders one page while the service answers the other.
        var urls = pages.Select(p => p.Url).OrderBy(u => u.Contains(Guid.Empty.ToString())).DistinctBy(PageCrawler.Kind).ToList();
        await using var tab = await user.NewTabAsync();
        var photographed = (await Task.WhenAll(new[] { user, tab }.Select((t, i) => PhotographAsync(t, demoUser, urls.Where((_, j) => j % 2 == i)))))
            .SelectMany(paths => paths).ToList();
        photographed.Should().HaveCount(pages.Select(p => PageCrawler.Kind(p.Url)).Distinct().Count())
            .And.OnlyContain(path => new FileInfo(path).Length > 0);
    }

    private static async Task<List<string>> PhotographAsync(OnThePages tab, string demoUser, IEnumerable<string> urls)
    {
        var photographed = new List<string>();
        foreach (var url in urls)
        {
            var shot = ScreenshotName(url);
            await tab.Open(url);
            await tab.Screenshot(shot);
            photographed.Add(Browser.ScreenshotPath($"{shot}-{demoUser}"));
        }
        return photographed;
    }

    /// <summary>A page's name for its file: its path and query keys, ids left out ("zaken-id", "statistieken-maand").</summary>
    private static string ScreenshotName(string url)
    {
        var name = NotInAName().Replace(PageCrawler.Kind(url).Replace("{id}", "id"), "-").Trim('-');
        return name.Length == 0 ? "start" : name;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotInAName();
}

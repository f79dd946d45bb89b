using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// Debian's Chromium as its headless shell (the rendering engine without the browser around it, what Playwright itself runs
/// headless), driven by Playwright; test.sh installs it. One browser for the whole collection.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        const string chromium = "/usr/bin/chromium-headless-shell";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"{chromium} is missing; run ./test.sh, which installs Debian's chromium-headless-shell package.");
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>Screenshots go to artifacts/screenshots in the repository, for people to look at after a run.</summary>
    public static string ScreenshotPath(string name)
    {
        var root = Ondermijning.Api.Tests.Infrastructure.Repository.Root();
        var folder = Path.Combine(root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}

/// <summary>
/// Chromium wants more CPU than a test host; beside the parallel tests on two cores its page loads ran past
/// Playwright's 30 s. Its few tests run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}

/// <summary>
/// One service on the loopback with the demo users and one Chromium page on it, for a browser test that does a user's
/// work on the pages; disposed with the test.
/// </summary>
public abstract class BrowserSession(Browser browser, ApiFactory service) : IAsyncLifetime
{
    protected ApiFactory Service { get; } = service;
    protected IPage Page { get; private set; } = null!;
    protected Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Address = Service.StartOnLoopback();
        Page = await browser.Instance.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
    }

    public async Task DisposeAsync()
    {
        await Page.CloseAsync();
        await Service.DisposeAsync();
    }

    protected Task Open(string path) => Page.GotoAsync(new Uri(Address, path).ToString());

    /// <summary>Signs in as a demo user the way a person does, by the button on the sign-in page.</summary>
    protected async Task SignInAs(string name)
    {
        await Open("/inloggen");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Inloggen als {name}" }).ClickAsync();
        await Page.ArrivedAtAsync(new Uri(Address, "/").ToString());
    }
}

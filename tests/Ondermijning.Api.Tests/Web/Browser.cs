using Microsoft.Playwright;
using Ondermijning.Api.Tests.Infrastructure;

namespace Ondermijning.Api.Tests.Web;

/// <summary>
/// Debian's Chromium as its headless shell (the rendering engine without the browser around it, what Playwright itself runs
/// headless), driven by Playwright; test.sh installs it. A class fixture of every browser test class, but one Chromium for
/// all the classes that run at the same time: each test works in contexts of its own, as two people at two windows would.
/// The last class that holds it closes it.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private static readonly SemaphoreSlim Shared = new(1, 1);
    private static (IPlaywright Playwright, IBrowser Chromium)? _running;
    private static int _holders;
    private bool _holding;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Shared.WaitAsync();
        try
        {
            _running ??= await LaunchAsync();
            _holders++;
            _holding = true;
            Instance = _running.Value.Chromium;
        }
        finally
        {
            Shared.Release();
        }
    }

    public async Task DisposeAsync()
    {
        // A fixture whose launch failed holds nothing, and must not close the Chromium another class holds.
        if (!_holding) return;
        await Shared.WaitAsync();
        try
        {
            if (--_holders > 0 || _running is not { } running) return;
            _running = null;
            await running.Chromium.DisposeAsync();
            running.Playwright.Dispose();
        }
        finally
        {
            Shared.Release();
        }
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        const string chromium = "/usr/bin/chromium-headless-shell";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"{chromium} is missing; run ./test.sh, which installs Debian's chromium-headless-shell package.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
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
/// <c>[Trait(BrowserTrait.Name, BrowserTrait.Chromium)]</c> marks a class that drives Chromium (with
/// <c>IClassFixture&lt;Browser&gt;</c>). <c>./test.sh</c> runs these classes in a pass of their own, two at a time: beside
/// the four parallel host tests on two cores, Chromium's page loads ran past Playwright's 30 s; alone, one at a time, a
/// browser test left a core idle while it waited for a page.
/// </summary>
public static class BrowserTrait
{
    public const string Name = "Browser";
    public const string Chromium = "Chromium";
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

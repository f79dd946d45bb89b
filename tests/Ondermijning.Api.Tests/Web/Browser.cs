using Microsoft.Playwright;

namespace Ondermijning.Api.Tests.Web;

/// <summary>Debian's Chromium, driven by Playwright; test.sh installs it. One browser for the whole collection.</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"{chromium} is missing; run ./test.sh, which installs Debian's chromium package.");
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

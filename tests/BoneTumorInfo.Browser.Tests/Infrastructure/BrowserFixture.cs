using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>
/// One app and one Chromium for the whole run (starting a browser costs a second or two); each
/// test opens its own context, so cookies and settings never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserSite Site { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        $"Chromium is not installed at {ChromiumAvailability.ExecutablePath}, and BTI_REQUIRE_ALL_TESTS=1 says these tests must run. Install it with: apt-get install --no-install-recommends chromium");

    public async Task InitializeAsync()
    {
        Site = new BrowserSite();
        if (!ChromiumAvailability.IsInstalled) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumAvailability.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser tab, phone-sized unless told otherwise.</summary>
    public async Task<IPage> NewPage(int width = 360, int height = 740, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            BaseURL = Site.BaseAddress.ToString(),
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>
    /// A second Chromium with its own environment (for one test that must change what the browser
    /// process sees, such as the fonts it can find), on the same app.
    /// </summary>
    public async Task<SeparateBrowser> LaunchSeparate(IDictionary<string, string> environment)
    {
        var launched = await (_playwright ?? throw new InvalidOperationException("Chromium is not installed.")).Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumAvailability.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
            // Everything this process has, plus the test's own: the browser needs HOME, PATH and the rest.
            Env = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "")
                .Concat(environment).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        });
        return new SeparateBrowser(launched, Site.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

/// <summary>A browser of a test's own, closed when the test ends.</summary>
public sealed class SeparateBrowser(IBrowser browser, Uri baseAddress) : IAsyncDisposable
{
    public async Task<IPage> NewPage(int width = 360, int height = 740)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = baseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async ValueTask DisposeAsync() => await browser.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

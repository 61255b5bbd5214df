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

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

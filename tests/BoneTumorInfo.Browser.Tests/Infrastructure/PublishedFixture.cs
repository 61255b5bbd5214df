using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>
/// The site as it is deployed: `dotnet publish -c Release`, started from the publish folder in
/// Production (static assets from the publish manifest, logging from the published
/// appsettings.json), with its own Chromium. Its own collection, so one published host serves
/// all its tests.
/// </summary>
public sealed class PublishedFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bti-published-" + Guid.NewGuid().ToString("N"));
    private Process? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _output = [];

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the published site wrote to its console (the request log among it).</summary>
    public IReadOnlyList<string> Output { get { lock (_output) return [.. _output]; } }

    public async Task InitializeAsync()
    {
        if (!ChromiumAvailability.IsInstalled) return;
        var app = Path.Combine(_folder, "app");
        await Run("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "BoneTumorInfo.Web"), "-c", "Release", "-o", app, "--nologo"]);

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(app, "BoneTumorInfo.Web.dll"), "--urls", $"http://127.0.0.1:{port}" },
            // Started from another folder, as a service manager or a person in a terminal may: the
            // site must still find its appsettings.json and wwwroot beside its dll.
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Appointments__DataDirectory"] = Path.Combine(_folder, "data");
        _site = Process.Start(start)!;
        _site.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _site.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _site.BeginOutputReadLine();
        _site.BeginErrorReadLine();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilTrue(async () => (await client.GetAsync(new Uri(BaseAddress, "/health/ready"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(180), "The published site did not start.", TimeSpan.FromMilliseconds(200),
            typeof(HttpRequestException), typeof(TaskCanceledException));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumAvailability.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPage(int width = 360, int height = 740, bool javaScript = true)
    {
        var browser = _browser ?? throw new InvalidOperationException($"Chromium is not installed at {ChromiumAvailability.ExecutablePath}.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            BaseURL = BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_site is { HasExited: false }) _site.Kill();
        _site?.Dispose();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }

    private static async Task Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed:\n{await output}\n{await errors}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedTests : ICollectionFixture<PublishedFixture>
{
    public const string Name = "published";
}

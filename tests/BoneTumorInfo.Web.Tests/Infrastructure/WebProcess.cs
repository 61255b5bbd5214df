using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BoneTumorInfo.Web.Tests.Infrastructure;

/// <summary>
/// The site as its own process (dotnet BoneTumorInfo.Web.dll), for what only a real process
/// shows: being killed outright, or how the build output behaves outside the test host.
/// </summary>
public sealed class WebProcess : IDisposable
{
    private readonly Process _process;

    private WebProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the build output in <paramref name="environment"/> on a free loopback port and waits until it is ready.</summary>
    public static async Task<WebProcess> StartAsync(string dataDirectory, string environment = "Production", IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "BoneTumorInfo.Web.dll"), "--urls", $"http://127.0.0.1:{port}", "--contentRoot", AppContext.BaseDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Content__RootPath"] = RepoPaths.Content;
        start.Environment["Appointments__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var site = new WebProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var client = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            await Poll.UntilTrue(async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode,
                TimeSpan.FromSeconds(120), "The web process did not start.", TimeSpan.FromMilliseconds(100),
                typeof(HttpRequestException), typeof(TaskCanceledException));
        }
        catch
        {
            site.Dispose();
            throw;
        }

        return site;
    }

    /// <summary>SIGKILL on Linux: no shutdown, no flush, no finally blocks.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

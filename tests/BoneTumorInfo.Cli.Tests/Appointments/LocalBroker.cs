using System.Diagnostics;
using System.Net.Sockets;

namespace BoneTumorInfo.Cli.Tests.Appointments;

/// <summary>
/// The local RabbitMQ (Debian's rabbitmq-server) the broker tests run against. Started if it is
/// installed but not running (and stopped again at the end); the outage test stops and starts it.
/// </summary>
public sealed class LocalBroker : IAsyncLifetime
{
    public const string Uri = "amqp://guest:guest@127.0.0.1:5672/";

    private bool _startedHere;

    public static bool IsInstalled => FindOnPath("rabbitmqctl") is not null && FindOnPath("rabbitmq-server") is not null;

    public static bool Required => Environment.GetEnvironmentVariable("BTI_REQUIRE_ALL_TESTS") == "1";

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
        {
            // Only reached when the tests are required (otherwise they are skipped): fail plainly.
            throw new InvalidOperationException("RabbitMQ is not installed (no rabbitmqctl on PATH); CI must install rabbitmq-server.");
        }

        if (!IsListening())
        {
            await StartAsync();
            _startedHere = true;
        }
    }

    public async Task DisposeAsync()
    {
        if (_startedHere) await StopAsync();
    }

    public static async Task StartAsync()
    {
        await RunAsync("rabbitmq-server", "-detached");
        var deadline = DateTime.UtcNow.AddSeconds(120);
        // An early await_startup fails at once while the node is still coming up: retry.
        while (await RunAsync("rabbitmqctl", "await_startup", "--timeout", "60") != 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("RabbitMQ did not start within 2 minutes.");
            await Task.Delay(1000);
        }
    }

    /// <summary><c>shutdown</c>, not <c>stop</c>: it returns only once the node is gone.</summary>
    public static async Task StopAsync() => await RunAsync("rabbitmqctl", "shutdown");

    public static bool IsListening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", 5672);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<int> RunAsync(string file, params string[] args)
    {
        // By full path: /usr/sbin, where Debian puts the broker, is not on a normal user's PATH.
        var start = new ProcessStartInfo(FindOnPath(file) ?? file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, errors);
        return process.ExitCode;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact that needs the local broker: skipped with a reason when it is not installed, unless CI requires every test.</summary>
public sealed class BrokerFactAttribute : FactAttribute
{
    public BrokerFactAttribute()
    {
        if (!LocalBroker.IsInstalled && !LocalBroker.Required)
        {
            Skip = "RabbitMQ is not installed here (apt-get install rabbitmq-server); set BTI_REQUIRE_ALL_TESTS=1 to make this a failure.";
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrokerTestGroup : ICollectionFixture<LocalBroker>
{
    public const string Name = "RabbitMQ broker";
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace BoneTumorInfo.Cli.Tests.Appointments;

/// <summary>
/// A private RabbitMQ node for the broker tests, one per test collection: its own node name, its
/// own AMQP and distribution ports, its own data, log and (empty) configuration in a temporary
/// folder. Any other broker on the machine (the system's <c>rabbit@host</c>, a developer's) is
/// never touched: the outage test stops and restarts this node only, by name.
/// </summary>
/// <remarks>
/// The node and <c>rabbitmqctl</c> run as the current user and share its
/// <c>$HOME/.erlang.cookie</c> (Erlang creates it on first use).
/// </remarks>
public sealed class LocalBroker : IAsyncLifetime
{
    private static readonly string[] DebianScripts = ["/usr/lib/rabbitmq/bin"];

    private static int _instances;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bti-rabbitmq-" + Guid.NewGuid().ToString("N"));

    public LocalBroker()
    {
        NodeName = $"bti-test-{Environment.ProcessId}-{Interlocked.Increment(ref _instances)}@localhost";
    }

    /// <summary>This node's name, for <c>rabbitmqctl -n</c>.</summary>
    public string NodeName { get; }

    /// <summary>The AMQP port, chosen free when the fixture starts.</summary>
    public int Port { get; private set; }

    /// <summary>The Erlang distribution port (how <c>rabbitmqctl</c> reaches the node).</summary>
    public int DistributionPort { get; private set; }

    public string Uri => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public static bool IsInstalled => Find("rabbitmqctl") is not null && Find("rabbitmq-server") is not null;

    public static bool Required => Environment.GetEnvironmentVariable("BTI_REQUIRE_ALL_TESTS") == "1";

    public async Task InitializeAsync()
    {
        if (!IsInstalled)
        {
            // Only reached when the tests are required (otherwise they are skipped): fail plainly.
            throw new InvalidOperationException("RabbitMQ is not installed (no rabbitmq-server or rabbitmqctl found); CI must install rabbitmq-server.");
        }

        Port = FreePort();
        do DistributionPort = FreePort(); while (DistributionPort == Port);
        Directory.CreateDirectory(_folder);
        // No plugins (no management listener on a shared port), and none of the system's settings.
        await File.WriteAllTextAsync(Path.Combine(_folder, "enabled_plugins"), "[].\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "rabbitmq-env.conf"), "");
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a node on its way down: the temp folder is cleaned later.
        }
    }

    /// <summary>Starts this node and returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        var server = new ProcessStartInfo(Find("rabbitmq-server")!) { ArgumentList = { "-detached" } };
        foreach (var (name, value) in NodeEnvironment()) server.Environment[name] = value;
        var (exit, output) = await RunAsync(server);
        if (exit != 0) throw new InvalidOperationException($"rabbitmq-server -detached failed ({exit}): {output}");

        var deadline = DateTime.UtcNow.AddSeconds(120);
        // An early await_startup fails at once while the node is still registering: retry.
        while ((await CtlAsync("await_startup", "--timeout", "60")).Exit != 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                // xUnit does not dispose a fixture that failed to start: do not leave a half-started node behind.
                await StopAsync();
                throw new TimeoutException($"RabbitMQ node {NodeName} did not start within 2 minutes. Its log:\n{LogTail()}");
            }

            await Task.Delay(1000);
        }
    }

    /// <summary><c>shutdown</c>, not <c>stop</c>: it returns only once the node is gone. This node only.</summary>
    public async Task StopAsync() => await CtlAsync("shutdown");

    public bool IsListening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private Dictionary<string, string> NodeEnvironment() => new(StringComparer.Ordinal)
    {
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(_folder, "node.pid"),
        // Files that do not exist, or are empty: the system's /etc/rabbitmq is not read.
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_folder, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_folder, "rabbitmq-env.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins"),
    };

    private async Task<(int Exit, string Output)> CtlAsync(params string[] args)
    {
        var ctl = new ProcessStartInfo(Find("rabbitmqctl")!) { ArgumentList = { "-n", NodeName } };
        foreach (var arg in args) ctl.ArgumentList.Add(arg);
        // The CLI is an Erlang node too: given the server's ports it would try to take them.
        foreach (var name in ctl.Environment.Keys.Where(k => k.StartsWith("RABBITMQ_", StringComparison.Ordinal)).ToList()) ctl.Environment.Remove(name);
        return await RunAsync(ctl);
    }

    private string LogTail()
    {
        var log = Path.Combine(_folder, "log", NodeName + ".log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log at " + log + ")";
    }

    private static async Task<(int Exit, string Output)> RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The broker's own scripts: Debian's /usr/lib/rabbitmq/bin first (the /usr/sbin wrappers
    /// switch to the rabbitmq user when run as root, with another home and cookie), then PATH
    /// and /usr/sbin for other installs.
    /// </summary>
    private static string? Find(string name) =>
        DebianScripts
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
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

/// <summary>The broker tests share one private node, started once for the collection.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerTestGroup : ICollectionFixture<LocalBroker>
{
    public const string Name = "RabbitMQ broker";
}

// Submits N appointment requests through the real form, C at a time, against the real site
// started as a child process on a fresh data folder; then counts the SQLite queue.
//   dotnet run -c Release --project bench/appointments -- [requests] [concurrency] [warm-up seconds]
//   dotnet run -c Release --project bench/appointments -- intake [requests] [rounds]   (the work list's intake alone: IntakeBench.cs)
// The warm-up (default 10 s) sends forms at the same concurrency, uncounted, so the measurement
// starts once the JIT has recompiled the hot path (tiered compilation); 0 measures from cold.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Parser;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Storage;

if (args.Length > 0 && args[0] == "intake")
{
    return await IntakeBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
}

var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
var warmUp = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);

var data = Path.Combine(Path.GetTempPath(), "bti-bench-" + Guid.NewGuid().ToString("N"));
var port = FreePort();
var baseAddress = new Uri($"http://127.0.0.1:{port}");
var start = new ProcessStartInfo("dotnet")
{
    ArgumentList = { Path.Combine(AppContext.BaseDirectory, "BoneTumorInfo.Web.dll"), "--urls", baseAddress.ToString(), "--contentRoot", AppContext.BaseDirectory },
    UseShellExecute = false,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["Appointments__DataDirectory"] = data;
// The bench is one client sending thousands of forms: lift the per-client limit, and keep the
// site's per-request log lines out of the measurement.
start.Environment["Appointments__Form__PermitLimit"] = "100000000";
start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
using var site = Process.Start(start)!;
site.OutputDataReceived += (_, _) => { };
site.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("site: " + e.Data); };
site.BeginOutputReadLine();
site.BeginErrorReadLine();

try
{
    await WaitUntilReady(baseAddress);
    var parser = new HtmlParser();
    var answers = new Dictionary<string, string>
    {
        ["SubmittedBy"] = "patient", ["PatientName"] = "Bench Patient", ["DobDay"] = "1", ["DobMonth"] = "jan",
        ["DobYear"] = "1990", ["Phone"] = "01712345678", ["Service"] = "not-sure", ["CallLanguage"] = "english", ["Consent"] = "yes",
    };

    // Each worker is a browser with its own cookie jar. It fetches the real form once (antiforgery
    // cookie + token), then sends it again and again as a new form each time: a fresh idempotency
    // key per submission, made the way the page makes it. Each POST is timed until the redirect to
    // the confirmation page, which comes only after the request is committed to disk.
    var latencies = new ConcurrentBag<double>();
    var acknowledgedKeys = new ConcurrentBag<string>();
    var failures = 0;
    var next = -1;

    async Task<int> Warm(int count)
    {
        // Warm-up: JIT, connection pool, SQLite file; not counted.
        using var client = NewClient(baseAddress);
        var form = await FetchForm(client);
        for (var i = 0; i < count; i++) await SubmitOne(client, form, measure: false);
        return count;
    }

    async Task<Dictionary<string, string>> FetchForm(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/appointments/request", UriKind.Relative));
        var form = await parser.ParseDocumentAsync(html);
        return form.QuerySelectorAll("form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    // The store gives a second request from the same person (name, date of birth, phone) within
    // 24 hours the first one's reference instead of a new row, so every submission is a different
    // person: its own phone number and a name made of letters from the same counter.
    var person = 0;
    Dictionary<string, string> NextPerson()
    {
        var n = Interlocked.Increment(ref person);
        var name = new System.Text.StringBuilder("Bench ");
        for (var left = n; left > 0 || name.Length == 6; left /= 26) name.Append((char)('a' + (left % 26)));
        return new Dictionary<string, string>(answers)
        {
            ["PatientName"] = name.ToString(),
            ["Phone"] = "017" + (10_000_000 + (n % 90_000_000)).ToString(CultureInfo.InvariantCulture),
        };
    }

    async Task SubmitOne(HttpClient client, Dictionary<string, string> form, bool measure)
    {
        var fields = new Dictionary<string, string>(form) { ["IdempotencyKey"] = References.NewIdempotencyKey() };
        using var content = new FormUrlEncodedContent(fields.Concat(NextPerson()));
        var timer = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/appointments/request", UriKind.Relative), content);
        timer.Stop();
        if (!measure) return;
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            latencies.Add(timer.Elapsed.TotalMilliseconds);
            acknowledgedKeys.Add(fields["IdempotencyKey"]);
        }
        else
        {
            Interlocked.Increment(ref failures);
        }
    }

    await Warm(200);
    var warmedUp = 200;
    if (warmUp > TimeSpan.Zero)
    {
        // Same concurrency as the measurement, for a fixed time; not counted.
        var until = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            using var client = NewClient(baseAddress);
            var form = await FetchForm(client);
            var sent = 0;
            for (; until.Elapsed < warmUp; sent++) await SubmitOne(client, form, measure: false);
            return sent;
        })));
        warmedUp += counts.Sum();
    }

    var wall = Stopwatch.StartNew();
    var done = new ConcurrentBag<double>();
    // (The wall clock includes each worker's one form fetch.)
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        using var client = NewClient(baseAddress);
        var form = await FetchForm(client);
        while (Interlocked.Increment(ref next) < requests)
        {
            await SubmitOne(client, form, measure: true);
            done.Add(wall.Elapsed.TotalSeconds);
        }
    })));
    wall.Stop();

    await using var store = new SqliteAppointmentStore(Path.Combine(data, AppointmentsOptions.SqliteAppointmentStoreFileName));
    var stored = (await store.AllReferencesAsync()).ToHashSet(StringComparer.Ordinal);
    // A reference is derived from its form's key, so each acknowledged form names its row.
    var lost = acknowledgedKeys.Count(key => !stored.Contains(References.Derive(key)));

    var sorted = latencies.Order().ToArray();
    double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    Console.WriteLine($"submissions: {requests}, concurrency: {concurrency}, acknowledged: {acknowledgedKeys.Count}, failed: {failures}");
    Console.WriteLine($"in queue: {stored.Count} (incl. {warmedUp} warm-up, {warmUp.TotalSeconds:0} s)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"requests/s: {acknowledgedKeys.Count / wall.Elapsed.TotalSeconds:0}, p50: {Percentile(0.50):0.0} ms, p99: {Percentile(0.99):0.0} ms"));
    Console.WriteLine($"lost: {lost}");
    // Throughput through the run, to see whether it was steady.
    var perWindow = done.GroupBy(t => (int)(t / 5)).OrderBy(g => g.Key).Select(g => $"{g.Key * 5}-{g.Key * 5 + 5} s: {g.Count() / 5.0:0}/s");
    Console.WriteLine("by 5 s: " + string.Join(", ", perWindow));
    return lost == 0 && failures == 0 ? 0 : 1;
}
finally
{
    site.Kill();
    await site.WaitForExitAsync();
    // The fresh data folder (its queue reaches hundreds of MB in a long run) goes with the site.
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(data, recursive: true);
    }
    catch (IOException ex)
    {
        Console.Error.WriteLine($"could not remove {data}: {ex.Message}");
    }
}

static HttpClient NewClient(Uri baseAddress) =>
    new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };

static async Task WaitUntilReady(Uri baseAddress)
{
    using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
    for (var i = 0; i < 300; i++)
    {
        try
        {
            if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode) return;
        }
        catch (HttpRequestException)
        {
        }
        catch (TaskCanceledException)
        {
        }

        await Task.Delay(100);
    }

    throw new TimeoutException("The site did not start.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>
/// The real app over a throw-away data folder (its own SQLite store and key ring), with a rate
/// limit high enough for the tests unless a test asks for a low one.
/// </summary>
public class AppointmentSite : SiteFactory
{
    public AppointmentSite() : this(Path.Combine(Path.GetTempPath(), "bti-appt-" + Guid.NewGuid().ToString("N")))
    {
    }

    public AppointmentSite(string dataDirectory, string? keysDirectory = null, int permitLimit = 100_000, IReadOnlyDictionary<string, string>? settings = null)
    {
        DataDirectory = dataDirectory;
        KeysDirectory = keysDirectory;
        PermitLimit = permitLimit;
        Settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>More configuration, as a deployment would set it (ReverseProxy:KnownProxies:0, …).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public string DataDirectory { get; }

    public string? KeysDirectory { get; }

    public int PermitLimit { get; }

    public SqliteAppointmentStore Store => Services.GetRequiredService<SqliteAppointmentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Appointments:DataDirectory", DataDirectory);
        builder.UseSetting("Appointments:Form:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (KeysDirectory is not null) builder.UseSetting("DataProtection:KeysDirectory", KeysDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public HttpClient CreateFormClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

/// <summary>Fills in and sends the form the way a browser does: fetch it, keep its hidden fields and cookie, post.</summary>
public static class AppointmentForm
{
    private static readonly HtmlParser Parser = new();

    private static int _people;

    /// <summary>
    /// A complete, valid set of answers; tests change one field at a time. Each call is another
    /// person (a family name of its own), because the same person asking twice in a day gets
    /// their first reference back instead of a second request.
    /// </summary>
    public static Dictionary<string, string> ValidAnswers() => new()
    {
        ["SubmittedBy"] = "parent-or-carer",
        ["PatientName"] = "Nusrat Jahan " + FamilyName(Interlocked.Increment(ref _people)),
        ["DobDay"] = "14",
        ["DobMonth"] = "jan",
        ["DobYear"] = "2015",
        ["Phone"] = "01712-345678",
        ["Email"] = "",
        ["Service"] = "childrens-tumour-surgery",
        ["CallLanguage"] = "bengali",
        ["Reason"] = "A painful swelling above her knee for two months.",
        ["Consent"] = "yes",
    };

    /// <summary>A made-up family name for the n-th person: Chowdhury, Chowdhuryb, …, letters only.</summary>
    private static string FamilyName(int n)
    {
        var suffix = "";
        for (var i = n - 1; i > 0; i /= 26) suffix = (char)('a' + (i % 26)) + suffix;
        return "Chowdhury" + suffix;
    }

    /// <summary>The hidden fields of a freshly served form (antiforgery token, idempotency key).</summary>
    public static async Task<Dictionary<string, string>> FetchHiddenFields(HttpClient client)
    {
        var html = await client.GetStringAsync(new Uri("/appointments/request", UriKind.Relative));
        var document = await Parser.ParseDocumentAsync(html);
        return document.QuerySelectorAll("form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
    }

    public static async Task<HttpResponseMessage> Post(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri("/appointments/request", UriKind.Relative), content);
    }

    /// <summary>Fetches the form, fills it with <paramref name="answers"/>, sends it.</summary>
    public static async Task<HttpResponseMessage> Submit(HttpClient client, Dictionary<string, string> answers)
    {
        var hidden = await FetchHiddenFields(client);
        return await Post(client, hidden.Concat(answers));
    }

    public static async Task<IDocument> Read(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Follows the redirect to the confirmation page and reads the reference on it.</summary>
    public static async Task<string> ReferenceFrom(HttpClient client, HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var (response, page) = await client.GetPage(redirect.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector(".confirmation-panel__reference")!.TextContent.Trim();
    }
}

/// <summary>The same app on a real Kestrel socket: body size limits and several instances need a real server.</summary>
public sealed class KestrelAppointmentSite(string dataDirectory, string? keysDirectory = null, int permitLimit = 100_000, IReadOnlyDictionary<string, string>? settings = null)
    : AppointmentSite(dataDirectory, keysDirectory, permitLimit, settings)
{
    public Uri BaseAddress { get; private set; } = null!;

    public KestrelAppointmentSite Start()
    {
        BaseAddress = this.StartOnLoopback();
        return this;
    }

    /// <summary>A client with its own cookie jar that does not follow redirects.</summary>
    public static HttpClient CreateBrowser(Uri baseAddress, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
}

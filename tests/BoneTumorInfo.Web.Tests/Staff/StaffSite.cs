using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Appointments.WorkList.Accounts;
using BoneTumorInfo.Web.Staff;
using BoneTumorInfo.Web.Tests.Appointments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace BoneTumorInfo.Web.Tests.Staff;

/// <summary>
/// The real app over a throw-away data folder, with staff accounts made the way
/// <c>bti staff add</c> makes them, and browsers that sign in for real over HTTPS.
/// </summary>
public sealed partial class StaffSite : AppointmentSite
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public StaffSite(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? [];
        _services = services;
    }

    /// <summary>The password each account was last given or set, and its authenticator key once set up.</summary>
    public Dictionary<string, string> Passwords { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public WorkListStore WorkList => Services.GetRequiredService<WorkListStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) builder.ConfigureServices(_services);
    }

    /// <summary>An account as <c>bti staff add</c> makes it: a handed-over password to change at first sign-in.</summary>
    public async Task AddAccount(string email, string name, params string[] roles)
    {
        await StoreReady();
        await using var scope = Services.CreateAsyncScope();
        var password = StaffAccounts.GeneratePassword();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, name, roles, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Passwords[email] = password;
    }

    /// <summary>An account with no staff role at all (made behind the tool's back), for the "wrong role" checks.</summary>
    public async Task AddAccountWithoutRole(string email)
    {
        await StoreReady();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var password = StaffAccounts.GeneratePassword();
        var result = await users.CreateAsync(new StaffUser { UserName = email, Email = email, DisplayName = "No Role", LockoutEnabled = true }, password);
        Assert.True(result.Succeeded);
        Passwords[email] = password;
    }

    /// <summary>The accounts store is made when first needed (the staff area's first request, or this).</summary>
    public Task StoreReady() => Services.GetRequiredService<StaffStoreSetUp>().Ready;

    /// <summary>A browser of its own (own cookies) that does not follow redirects by itself.</summary>
    public StaffBrowser NewBrowser()
    {
        var cookies = new CookieContainer();
        return new(this, CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>A browser signed in and set up (password changed, two-factor on where needed).</summary>
    public async Task<StaffBrowser> SignedIn(string email)
    {
        var browser = NewBrowser();
        var page = await browser.SignIn(email);
        Assert.Equal("/staff", page.Path);
        return browser;
    }

    public static string Totp(string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())).ComputeTotp();
}

/// <summary>A page as a browser holds it: where it came from, the response, the parsed document.</summary>
public sealed record StaffPage(string Path, HttpResponseMessage Response, IDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string Main => Document.QuerySelector("main")?.TextContent ?? "";

    public string Heading => Document.QuerySelector("h1")?.TextContent.Trim() ?? "";
}

/// <summary>Follows redirects, keeps cookies, fills forms by their labels as a person would.</summary>
public sealed partial class StaffBrowser(StaffSite site, HttpClient client, CookieContainer cookies)
{
    public CookieContainer Cookies { get; } = cookies;

    public Cookie? SessionCookie => Cookies.GetCookies(new Uri("https://localhost/staff")).FirstOrDefault(c => c.Name == "__Secure-bti-staff");

    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<StaffPage> Get(string path, bool follow = true)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return follow ? await Follow(path, response) : await Read(path, response);
    }

    /// <summary>Fills the form that holds the button with this text, by labels, and sends it.</summary>
    public async Task<StaffPage> Submit(StaffPage page, string button, Dictionary<string, string>? fields = null, bool follow = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var submit = page.Document.QuerySelectorAll("button").FirstOrDefault(b => Squash(b.TextContent) == button)
            ?? throw new InvalidOperationException($"No button '{button}' on {page.Path}: {page.Main}");
        var form = submit.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException("The button is not in a form.");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            values.Add(new(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""));
        }

        foreach (var (label, value) in fields ?? [])
        {
            var labelElement = form.QuerySelectorAll("label").FirstOrDefault(l => Squash(l.TextContent) == label)
                ?? throw new InvalidOperationException($"No field labelled '{label}' on {page.Path}");
            var field = page.Document.GetElementById(labelElement.GetAttribute("for")!)!;
            var name = field.GetAttribute("name")!;
            var type = field.GetAttribute("type");
            values.Add(new(name, type is "radio" or "checkbox" ? field.GetAttribute("value") ?? "on" : value));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Path;
        if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
        {
            var query = string.Join('&', values.Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));
            return await Get(action.Split('?')[0] + "?" + query, follow);
        }

        using var content = new FormUrlEncodedContent(values);
        var response = await Client.PostAsync(new Uri(action, UriKind.Relative), content);
        return follow ? await Follow(action, response) : await Read(action, response);
    }

    /// <summary>Signs in with the account's password, then does whatever set-up the site asks for.</summary>
    public async Task<StaffPage> SignIn(string email, bool setUp = true)
    {
        var page = await Get("/staff/login");
        page = await Submit(page, "Sign in", new() { ["E-mail address"] = email, ["Password"] = site.Passwords[email] });
        if (page.Path.StartsWith("/staff/login/code", StringComparison.Ordinal))
        {
            page = await Submit(page, "Continue", new() { ["Code from your authenticator app"] = StaffSite.Totp(site.Keys[email]) });
        }

        if (!setUp) return page;
        if (page.Path == "/staff/password")
        {
            var chosen = "Correct horse battery staple 7!";
            page = await Submit(page, "Change password", new()
            {
                ["Current password"] = site.Passwords[email],
                ["New password"] = chosen,
                ["New password again"] = chosen,
            });
            site.Passwords[email] = chosen;
        }

        if (page.Path == "/staff/two-factor")
        {
            var key = page.Document.QuerySelector("#shared-key")!.TextContent.Trim();
            site.Keys[email] = key;
            page = await Submit(page, "Turn on two-factor sign-in", new() { ["Code from your authenticator app"] = StaffSite.Totp(key) });
        }

        return page;
    }

    private async Task<StaffPage> Follow(string path, HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location!;
            path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            response.Dispose();
            response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        }

        return await Read(path, response);
    }

    private static async Task<StaffPage> Read(string path, HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var question = path.IndexOf('?', StringComparison.Ordinal);
        return new StaffPage(question < 0 ? path : path[..question], response, await Parser.ParseDocumentAsync(html));
    }

    public static string Squash(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

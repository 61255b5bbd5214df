using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace BoneTumorInfo.Web.Tests.Infrastructure;

/// <summary>The real app in memory, on the repo's own content unless a test gives it another folder.</summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public CapturedLogs Logs { get; } = new();

    /// <summary>Null means the default lookup (the repo's content/ folder).</summary>
    protected virtual string? ContentRoot => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Production");
        if (ContentRoot is { } root) builder.UseSetting("Content:RootPath", root);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs.Provider));
    }

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>Reads responses as a browser would.</summary>
public static class Browser
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetPage(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(html));
    }
}

/// <summary>Every log line the app writes, for tests that check what the log says (and does not say).</summary>
public sealed class CapturedLogs : IDisposable
{
    public FakeLoggerProvider Provider { get; } = new();

    /// <summary>"Level Category: message exception", one a record, in the order written.</summary>
    public IReadOnlyCollection<string> Lines => Provider.Collector.GetSnapshot()
        .Select(r => $"{r.Level} {r.Category}: {r.Message}{(r.Exception is null ? "" : " " + r.Exception)}")
        .ToList();

    public void Dispose() => Provider.Dispose();
}

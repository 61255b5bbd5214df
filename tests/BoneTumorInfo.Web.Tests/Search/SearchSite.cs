using BoneTumorInfo.Content.Search;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Search;

/// <summary>The real app on the repo's content, with a throw-away data folder (for the misses file).</summary>
public sealed class SearchSite : SiteFactory
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "bti-search-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Appointments:DataDirectory", DataDirectory);
    }

    /// <summary>The index is built in the background after start-up: wait for it.</summary>
    public async Task<HttpClient> ReadyClient()
    {
        var client = CreatePlainClient();
        var search = Services.GetRequiredService<SearchService>();
        await Poll.UntilTrue(() => Task.FromResult(search.IsReady), TimeSpan.FromSeconds(60), "the search index was never built");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

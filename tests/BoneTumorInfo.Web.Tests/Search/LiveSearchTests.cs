using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Search;

/// <summary>The search index follows the content folder while the site runs.</summary>
public sealed class LiveSearchTests : IDisposable
{
    private readonly TempContentSite _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<string[]> UrlsWhen(string query, Func<string[], bool> done)
    {
        var client = _site.CreateClient();
        return await Poll.Until(async () =>
        {
            var (_, page) = await client.GetPage($"/search?q={Uri.EscapeDataString(query)}");
            return page.QuerySelectorAll(".search-results__title a").Select(a => a.GetAttribute("href")!).ToArray();
        }, done, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_added_page_becomes_findable_and_a_deleted_one_stops_being_found()
    {
        _site.Write("en/kites.md", TestPages.Page("Kites", body: "Flying a kite on the beach."));
        Assert.Equal(["/kites"], await UrlsWhen("kite", urls => urls.Length > 0));

        _site.Write("en/pelicans.md", TestPages.Page("Pelicans", body: "A pelican can fly a long way."));
        Assert.Equal(["/pelicans"], await UrlsWhen("pelican", urls => urls.Length > 0));

        _site.Delete("en/kites.md");
        Assert.Empty(await UrlsWhen("kite", urls => urls.Length == 0));
    }
}

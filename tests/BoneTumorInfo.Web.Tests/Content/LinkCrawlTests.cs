using AngleSharp.Dom;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>Follows every link a reader could follow, from the home page outwards.</summary>
public sealed class LinkCrawlTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task Every_internal_link_and_anchor_leads_somewhere_and_every_page_is_reachable()
    {
        var client = site.CreateClient();
        var pages = new Dictionary<string, IDocument>(StringComparer.Ordinal);
        var broken = new List<string>();
        var queue = new Queue<(string Url, string From)>([("/", "(start)")]);
        var links = new List<(string From, string Href)>();

        while (queue.Count > 0)
        {
            var (url, from) = queue.Dequeue();
            if (pages.ContainsKey(url)) continue;
            var (response, page) = await client.GetPage(url);
            if (!response.IsSuccessStatusCode)
            {
                broken.Add($"{from} → {url}: {(int)response.StatusCode}");
                continue;
            }

            pages[url] = page;
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            foreach (var href in page.QuerySelectorAll("a[href], link[href], img[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                if (href.StartsWith("http:", StringComparison.Ordinal) || href.StartsWith("https:", StringComparison.Ordinal)
                    || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal))
                {
                    continue;
                }

                links.Add((url, href));
                var path = href.Split('#')[0];
                if (path.Length > 0 && !pages.ContainsKey(path)) queue.Enqueue((path, url));
            }
        }

        foreach (var (from, href) in links.Where(l => l.Href.Contains('#', StringComparison.Ordinal)))
        {
            var parts = href.Split('#', 2);
            var target = parts[0].Length == 0 ? from : parts[0];
            if (pages.TryGetValue(target, out var page) && page.GetElementById(parts[1]) is null)
            {
                broken.Add($"{from} → {href}: no element with id '{parts[1]}'");
            }
        }

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken.Distinct()));

        var everyPage = RepoPaths.ContentPages().Select(p => p.Url).ToList();
        var unreachable = everyPage.Where(url => !pages.ContainsKey(url)).ToList();
        Assert.True(unreachable.Count == 0, "Pages no link leads to: " + string.Join(", ", unreachable));
        Assert.True(links.Count > 100, $"only {links.Count} links were followed");
    }
}

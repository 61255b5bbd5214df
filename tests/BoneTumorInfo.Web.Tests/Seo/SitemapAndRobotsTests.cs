using System.Net;
using System.Xml.Linq;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Seo;

/// <summary>sitemap.xml lists every published page in both languages; robots.txt points to it and keeps private addresses out.</summary>
public sealed class SitemapAndRobotsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private async Task<XDocument> Sitemap()
    {
        var response = await site.CreateClient().GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_sitemap_lists_every_published_page_and_nothing_else()
    {
        var sitemap = await Sitemap();

        var listed = sitemap.Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value).Order(StringComparer.Ordinal).ToList();
        var pages = RepoPaths.ContentPages().Select(p => "http://localhost" + p.Url).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(pages, listed);
    }

    [Fact]
    public async Task Each_page_s_lastmod_is_its_review_date()
    {
        var sitemap = await Sitemap();

        foreach (var page in RepoPaths.ContentPages())
        {
            var reviewed = File.ReadLines(Path.Combine(RepoPaths.Content, page.File)).First(l => l.StartsWith("last_reviewed:", StringComparison.Ordinal))[14..].Trim();
            var url = sitemap.Root!.Elements(Sitemaps + "url").Single(u => u.Element(Sitemaps + "loc")!.Value == "http://localhost" + page.Url);
            Assert.Equal(reviewed, url.Element(Sitemaps + "lastmod")?.Value);
        }
    }

    [Fact]
    public async Task A_page_with_a_twin_lists_both_languages_and_the_default()
    {
        var sitemap = await Sitemap();

        var url = sitemap.Root!.Elements(Sitemaps + "url").Single(u => u.Element(Sitemaps + "loc")!.Value == "http://localhost/bn/conditions");
        var links = url.Elements(Xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value);
        Assert.Equal(new Dictionary<string, string>
        {
            ["en"] = "http://localhost/conditions",
            ["bn"] = "http://localhost/bn/conditions",
            ["x-default"] = "http://localhost/conditions",
        }, links);
        Assert.All(url.Elements(Xhtml + "link"), l => Assert.Equal("alternate", l.Attribute("rel")?.Value));
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_private_addresses_out()
    {
        var response = await site.CreateClient().GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /appointments/request/confirmation", lines);
        Assert.Contains("Disallow: /health/", lines);
        Assert.Contains("Disallow: /staff", lines);
        Assert.Contains("Disallow: /search", lines);
        Assert.Contains("Disallow: /bn/search", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.DoesNotContain("Disallow: /", lines);
    }

    [Fact]
    public async Task The_sitemap_and_robots_are_served_from_the_output_cache_after_the_first_request()
    {
        var client = site.CreateClient();
        await client.GetAsync(new Uri("/robots.txt", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.True(second.Headers.Age is not null, "a response from the output cache carries an Age header");
    }
}

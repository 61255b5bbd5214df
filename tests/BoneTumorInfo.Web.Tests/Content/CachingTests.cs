using System.Net;
using System.Net.Http.Headers;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>
/// Content pages come from the output cache until their file changes, carry an ETag that a
/// returning browser can send back for a 304, and are compressed for readers on slow data.
/// A cached response is recognisable by its Age header, which only the output cache adds.
/// </summary>
public sealed class CachingTests : IDisposable
{
    private readonly TempContentSite _site = new();

    public CachingTests()
    {
        _site.Write("en/guide.md", TestPages.Page("First title", order: 1));
        _site.Write("en/hidden.md", TestPages.Page("Hidden draft", order: 2, extra: "draft: true\n"));
    }

    public void Dispose() => _site.Dispose();

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        headers?.Invoke(request.Headers);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_content_page_is_served_from_the_output_cache_the_second_time()
    {
        var client = _site.CreateClient();

        var first = await Get(client, "/guide");
        var second = await Get(client, "/guide");
        // The query string does not make a second copy: the page ignores it.
        var withQuery = await Get(client, "/guide?utm_source=leaflet");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.NotNull(withQuery.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Editing_a_file_evicts_the_cached_page_and_changes_its_etag()
    {
        var client = _site.CreateClient();
        var before = await Get(client, "/guide");
        var cached = await Get(client, "/guide");
        Assert.NotNull(cached.Headers.Age);
        var oldTag = before.Headers.ETag!;

        _site.Write("en/guide.md", TestPages.Page("Second title", order: 1));
        var after = await Poll.Until(() => Get(client, "/guide", h => h.IfNoneMatch.Add(oldTag)),
            response => response.StatusCode != HttpStatusCode.NotModified, TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Second title", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(oldTag, after.Headers.ETag);
    }

    [Fact]
    public async Task A_matching_etag_gets_304_with_no_body_from_the_page_and_from_the_cache()
    {
        // First request: made by the page. Second: served by the output cache.
        var client = _site.CreateClient();
        var first = await Get(client, "/guide");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var fresh = new TempContentSite();
        fresh.Write("en/guide.md", TestPages.Page("First title", order: 1));
        fresh.Write("en/hidden.md", TestPages.Page("Hidden draft", order: 2, extra: "draft: true\n"));
        var fromPage = await Get(fresh.CreateClient(), "/guide", h => h.IfNoneMatch.Add(etag));
        var fromCache = await Get(client, "/guide", h => h.IfNoneMatch.Add(etag));
        var other = await Get(client, "/guide", h => h.IfNoneMatch.ParseAdd("W/\"something-else\""));

        Assert.Equal(HttpStatusCode.NotModified, fromPage.StatusCode);
        Assert.Empty(await fromPage.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, fromPage.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, fromCache.StatusCode);
        Assert.Empty(await fromCache.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Missing_and_broken_pages_are_not_cached()
    {
        _site.Write("en/broken.md", "---\ntitle: Broken\ncolour: blue\n---\nText.\n");
        var client = _site.CreateClient();

        foreach (var (url, status) in new[] { ("/no-such-page", HttpStatusCode.NotFound), ("/broken", HttpStatusCode.InternalServerError) })
        {
            var first = await Get(client, url);
            var second = await Get(client, url);
            Assert.Equal(status, first.StatusCode);
            Assert.Equal(status, second.StatusCode);
            Assert.Null(second.Headers.Age);
            Assert.Null(second.Headers.ETag);
        }

        // The not-found page is still the real page, not an empty 404 cut short by buffering.
        var missing = await Get(client, "/no-such-page");
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_never_cached_in_preview_so_drafts_show_as_they_are_now()
    {
        using var preview = _site.WithWebHostBuilder(b => b.UseSetting("Content:Preview", "true"));
        var client = preview.CreateClient();

        var first = await Get(client, "/hidden");
        var second = await Get(client, "/hidden");
        var published = await Get(client, "/guide");
        var publishedAgain = await Get(client, "/guide");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(second.Headers.Age);
        Assert.Null(publishedAgain.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_browsers_that_accept_it(string encoding)
    {
        var client = _site.CreateClient();

        foreach (var attempt in new[] { "made", "cached" })
        {
            var response = await Get(client, "/guide", h => h.AcceptEncoding.ParseAdd(encoding));
            Assert.True(response.Content.Headers.ContentEncoding.Contains(encoding), $"{attempt} page not {encoding}");
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }
    }

    [Fact]
    public async Task A_form_post_is_never_compressed()
    {
        // BREACH needs a secret and attacker-chosen text in one compressed response: only posts echo input.
        // A form sent with problems comes back as a full page, echoing the answers beside a fresh token.
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/appointments/request", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("PatientName", "attacker-chosen text")]),
        };
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await _site.CreateClient().SendAsync(request);

        Assert.Contains("attacker-chosen text", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}

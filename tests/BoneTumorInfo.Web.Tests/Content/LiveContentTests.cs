using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>The app over a content folder the test edits while the app runs.</summary>
public sealed class LiveContentTests : IDisposable
{
    private readonly TempContentSite _site = new();

    public void Dispose() => _site.Dispose();

    /// <summary>
    /// Waits for the file watcher's notice (delivered on another thread a moment after the write),
    /// then returns the page. Not a speed test: the timeout only stops a broken watcher hanging the run.
    /// </summary>
    private async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> GetUntil(string url, Func<HttpResponseMessage, AngleSharp.Dom.IDocument, bool> ready)
    {
        var client = _site.CreateClient();
        return await Poll.Until(() => client.GetPage(url), answer => ready(answer.Response, answer.Document), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task An_edited_file_shows_on_the_next_request_without_a_restart()
    {
        _site.Write("en/guide.md", TestPages.Page("First title", order: 1));
        var (_, before) = await _site.CreateClient().GetPage("/guide");
        Assert.Equal("First title", before.QuerySelector("h1")?.TextContent);

        _site.Write("en/guide.md", TestPages.Page("Second title", order: 1, body: "New words here."));
        var (_, after) = await GetUntil("/guide", (_, p) => p.QuerySelector("h1")?.TextContent == "Second title");

        Assert.Equal("Second title", after.QuerySelector("h1")?.TextContent);
        Assert.Contains("New words here.", after.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(after.QuerySelectorAll("nav[aria-label='Main'] a"), a => a.TextContent == "Second title");
    }

    [Fact]
    public async Task An_added_file_appears_and_a_deleted_file_goes()
    {
        await _site.CreateClient().GetPage("/");
        _site.Write("en/new-page.md", TestPages.Page("A new page", order: 3));

        var (added, _) = await GetUntil("/new-page", (r, _) => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        _site.Delete("en/new-page.md");
        var (deleted, _) = await GetUntil("/new-page", (r, _) => r.StatusCode == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }

    [Fact]
    public async Task A_broken_file_fails_alone_with_a_calm_page_and_a_log_line_naming_file_and_line()
    {
        _site.Write("en/good.md", TestPages.Page("Good page", order: 1));
        _site.Write("en/broken.md", "---\ntitle: Broken page\ndescription: x\ncolour: blue\n---\nText.\n");
        var client = _site.CreateClient();

        var (broken, brokenPage) = await client.GetPage("/broken");
        var (good, goodPage) = await client.GetPage("/good");
        var (home, _) = await client.GetPage("/");

        Assert.Equal(HttpStatusCode.InternalServerError, broken.StatusCode);
        Assert.Equal("This page is being updated", brokenPage.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("colour", brokenPage.Body?.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("Good page", goodPage.QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(_site.Logs.Lines, l => l.Contains("content/en/broken.md:4:1", StringComparison.Ordinal) && l.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_full_of_script_attempts_reaches_the_reader_harmless()
    {
        string[] attempts =
        [
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))",
            "[b](JAVASCRIPT:alert(1))", "[c](data:text/html,<script>alert(1)</script>)", "<javascript:alert(1)>",
            "![d](javascript:alert(1))", "![e](data:image/png;base64,AAAA)", "<a href=\"javascript:alert(1)\">f</a>",
            "[g](https://example.org){onclick=alert(1)}", "<svg onload=alert(1)>", "<iframe src=\"https://example.org\"></iframe>",
        ];
        _site.Write("en/attack.md", TestPages.Page("Attack", body: string.Join("\n\n", attempts)));

        var (response, page) = await _site.CreateClient().GetPage("/attack");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = page.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll("script, iframe, svg, object, embed"));
        foreach (var element in main.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}");
                Assert.DoesNotMatch("^(?i)\\s*(javascript|data|vbscript):", attribute.Value);
            }
        }
    }

    [Fact]
    public async Task Images_beside_a_page_are_served_and_sources_are_not()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        _site.WriteBytes("en/guide/images/knee.png", png);
        _site.Write("en/guide/index.md", TestPages.Page("Guide", body: "![A knee X-ray](images/knee.png)"));
        var client = _site.CreateClient();

        var (_, page) = await client.GetPage("/guide");
        var src = page.QuerySelector("main img")?.GetAttribute("src");
        Assert.Equal("/content-files/en/guide/images/knee.png", src);

        var image = await client.GetAsync(new Uri(src!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());

        var source = await client.GetAsync(new Uri("/content-files/en/guide/index.md", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, source.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_plain_page_and_keeps_the_details_in_the_log()
    {
        using var failing = _site.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<MvcOptions>(o => o.Filters.Add(new ThrowOnPath("/test-only/explode")))));

        var (response, page) = await failing.CreateClient().GetPage("/test-only/explode");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("Kaboom", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains(_site.Logs.Lines, l => l.Contains("Kaboom", StringComparison.Ordinal));
    }

    /// <summary>A page filter that fails one address, standing in for a bug in a page.</summary>
    private sealed class ThrowOnPath(string path) : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Path == path) throw new InvalidOperationException("Kaboom in a test");
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}

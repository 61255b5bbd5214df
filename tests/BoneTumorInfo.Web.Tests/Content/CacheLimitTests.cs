using System.Net;
using BoneTumorInfo.Web.Content;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>
/// Stored pages and the output cache behind them have a size limit, so many addresses (real or
/// made up) cannot take the server's memory.
/// </summary>
public sealed class CacheLimitTests : IDisposable
{
    private const long Limit = 48 * 1024;

    private readonly TempContentSite _site = new();

    public CacheLimitTests()
    {
        for (var i = 0; i < 60; i++)
        {
            // Different words on each page, so compression cannot make them all tiny.
            var words = string.Join(" ", Enumerable.Range(0, 300).Select(n => $"w{(n * 7919 + i * 104729) % 100003}"));
            _site.Write($"en/page-{i}.md", TestPages.Page($"Page {i}", order: i, body: words));
        }
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Stored_pages_never_take_more_than_the_size_limit_and_the_newest_stay()
    {
        using var site = _site.WithWebHostBuilder(b => b
            .UseSetting("ContentCache:SizeLimitBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("ContentCache:MaximumPageBytes", (Limit / 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = site.CreateClient();
        var pages = site.Services.GetRequiredService<StoredPages>();

        for (var i = 0; i < 60; i++)
        {
            var response = await client.GetAsync(new Uri($"/page-{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(pages.CurrentSize <= Limit, $"{pages.CurrentSize} bytes stored after page {i}");
        }

        Assert.InRange(pages.Count, 1, 59);
        // Pages still come out whole when the store is full.
        var last = await client.GetAsync(new Uri("/page-59", UriKind.Relative));
        Assert.Contains("Page 59", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_string_does_not_make_another_stored_copy()
    {
        var client = _site.CreateClient();
        var pages = _site.Services.GetRequiredService<StoredPages>();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/page-1?utm={i}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(1, pages.Count);
        Assert.Equal(1, pages.Compressions);
    }

    [Fact]
    public void The_output_cache_and_the_store_have_limits_well_under_the_framework_defaults()
    {
        var output = _site.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value;
        var stored = _site.Services.GetRequiredService<StoredPages>().Limits;

        Assert.True(output.SizeLimit <= 32L * 1024 * 1024, $"output cache {output.SizeLimit}");
        Assert.True(output.MaximumBodySize <= 1024 * 1024, $"largest cached body {output.MaximumBodySize}");
        Assert.True(stored.SizeLimitBytes <= 128L * 1024 * 1024, $"stored pages {stored.SizeLimitBytes}");
        Assert.True(stored.MaximumPageBytes <= 1024 * 1024);
    }
}

using BoneTumorInfo.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>The search page in real Chromium: accessible in both languages, usable without JavaScript.</summary>
[Collection(BrowserTests.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    /// <summary>The index is built in the background after start-up: ask until results come.</summary>
    private static async Task OpenResults(IPage page, string url) =>
        await Poll.UntilTrue(async () =>
        {
            await page.Open(url);
            return await page.Locator(".search-results__item").CountAsync() > 0;
        }, TimeSpan.FromSeconds(60), $"{url} never showed results");

    [BrowserTheory]
    [InlineData("/search?q=tumour")]
    [InlineData("/bn/search?q=%E0%A6%B9%E0%A6%BE%E0%A6%A1%E0%A6%BC")]
    public async Task The_search_page_with_results_has_no_wcag_violations_and_reflows_on_a_phone(string url)
    {
        foreach (var width in new[] { 320, 1280 })
        {
            var page = await browser.NewPage(width);
            var errors = page.CollectErrors();
            await OpenResults(page, url);

            await page.AssertNoAxeViolations($"{url} at {width}px");
            Assert.True(await page.HorizontalOverflow() <= 0, $"{url} scrolls sideways at {width}px:\n{await page.WideElements()}");
            Assert.True(errors.Count == 0, $"{url}: {string.Join("\n", errors)}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task The_header_search_box_works_with_javascript_turned_off()
    {
        var page = await browser.NewPage(javaScript: false);
        await OpenResults(page, "/search?q=tumour");
        await page.Open("/conditions");

        await page.GetByLabel("Search this site").FillAsync("biopsy");
        await page.AfterNewDocument(() => page.GetByLabel("Search this site").PressAsync("Enter"));

        Assert.EndsWith("/search?q=biopsy", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator(".search-results__item").CountAsync() > 0, "no results for 'biopsy'");
        await page.Context.CloseAsync();
    }
}

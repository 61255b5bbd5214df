using BoneTumorInfo.Browser.Tests.Infrastructure;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>Every content page, in real Chromium, as a phone and as a desktop reader gets it.</summary>
[Collection(BrowserTests.Name)]
public sealed class ContentPageTests(BrowserFixture browser)
{
    public static TheoryData<string> Pages() => new(RepoPaths.ContentPages().Select(p => p.Url));

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_content_page_has_no_wcag_a_or_aa_violations_on_a_phone_or_a_desktop(string url)
    {
        foreach (var width in new[] { 360, 1280 })
        {
            var page = await browser.NewPage(width);
            var errors = page.CollectErrors();
            await page.Open(url);

            await page.AssertNoAxeViolations($"{url} at {width}px");
            Assert.True(errors.Count == 0, $"{url}: {string.Join("\n", errors)}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_content_page_reflows_to_320_pixels_without_sideways_scrolling(string url)
    {
        // 320 CSS pixels is WCAG 1.4.10's reflow width: a 1280px screen zoomed to 400%.
        var page = await browser.NewPage(320, 640);
        await page.Open(url);

        var overflow = await page.HorizontalOverflow();

        Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow}px at 320px wide:\n{await page.WideElements()}");
        await page.Context.CloseAsync();
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_content_page_works_with_javascript_turned_off(string url)
    {
        var page = await browser.NewPage(javaScript: false);
        var errors = page.CollectErrors();
        await page.Open(url);

        Assert.True(errors.Count == 0, $"{url}: {string.Join("\n", errors)}");
        Assert.True(await page.Locator("main h1").IsVisibleAsync(), $"{url}: no visible heading");
        Assert.True(await page.Locator("header a.site-header__cta").IsVisibleAsync(), $"{url}: no appointment link");
        Assert.True(await page.Locator("footer .review-dates").IsVisibleAsync(), $"{url}: no review dates");
        // The stylesheet arrived and applied: the header has its colour, and body text is at least 16px.
        var headerColour = await page.Locator("header.site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", headerColour);
        var fontSize = await page.Locator("main p").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(fontSize >= 16, $"{url}: body text is {fontSize}px");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_accessibility_check_does_find_problems_when_there_are_some()
    {
        // Guards the guard: a page with known faults must fail, or "0 violations" above means nothing.
        var page = await browser.NewPage();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>Faulty</title></head><body><main><img src='x.png'><a href='/'></a><p style='color:#bbb'>Pale text</p></main></body></html>");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => page.AssertNoAxeViolations("faulty page"));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("link-name", failure.Message, StringComparison.Ordinal);
        Assert.Contains("html-has-lang", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_not_found_page_has_no_violations_either()
    {
        var page = await browser.NewPage();
        await page.Open("/no-such-page", status: 404);

        await page.AssertNoAxeViolations("404 page");
        await page.Context.CloseAsync();
    }
}

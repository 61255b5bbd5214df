using BoneTumorInfo.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>How the design behaves for a reader: focus, keyboard, line length, print, screenshots.</summary>
[Collection(BrowserTests.Name)]
public sealed class ReadingTests(BrowserFixture browser)
{
    private const string StepPage = "/bone-tumor-surgery/anaesthesia";

    [BrowserFact]
    public async Task The_first_tab_shows_the_skip_link_and_enter_moves_into_the_main_content()
    {
        var page = await browser.NewPage(javaScript: false);
        await page.Open(StepPage);

        await page.Keyboard.PressAsync("Tab");
        var skip = page.Locator("a.skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        var box = await skip.BoundingBoxAsync();
        Assert.True(box is { Y: >= 0, Width: > 0 } && box.Y < 740, "the focused skip link is off screen");

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var inMain = await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)");
        Assert.True(inMain, "after the skip link, the next Tab should land inside the main content");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_focused_link_is_clearly_marked()
    {
        var page = await browser.NewPage();
        await page.Open(StepPage);
        const string Style = "e => getComputedStyle(e).backgroundColor + '|' + getComputedStyle(e).boxShadow";

        // Tab (a real key press, so :focus-visible applies) until focus reaches a link in the page text.
        for (var i = 0; i < 300 && !await page.EvaluateAsync<bool>("() => document.activeElement.matches('main .page-body a')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.matches('main .page-body a')"), "Tab never reached a link in the page text");
        var focused = await page.EvaluateAsync<string>($"() => ({Style})(document.activeElement)");
        var unfocused = await page.EvaluateAsync<string>($"() => {{ const e = document.activeElement; e.blur(); return ({Style})(e); }}");

        Assert.NotEqual(unfocused, focused);
        Assert.Contains("rgb(255, 210, 63)", focused, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Body_text_lines_are_about_seventy_characters_on_a_wide_screen()
    {
        var page = await browser.NewPage(1280, 900);
        await page.Open(StepPage);

        var measures = await page.Locator(".page-body p").First.EvaluateAsync<double[]>(
            "e => [e.getBoundingClientRect().width, parseFloat(getComputedStyle(e).fontSize)]");
        var (width, size) = (measures[0], measures[1]);
        // An average English character is about half an em wide.
        var characters = width / (size * 0.5);

        Assert.True(size >= 18, $"body text is {size}px");
        Assert.InRange(characters, 55, 85);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_appointment_link_stands_out_in_the_header_on_every_width()
    {
        foreach (var width in new[] { 320, 360, 768, 1280 })
        {
            var page = await browser.NewPage(width);
            await page.Open("/conditions");
            var cta = page.Locator("header a.site-header__cta");

            var box = await cta.BoundingBoxAsync();
            var colours = await cta.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor + '|' + getComputedStyle(e.closest('header')).backgroundColor");

            Assert.True(box is { Height: >= 44, Width: >= 44 } && box.Y < 200, $"at {width}px the appointment link is {box?.Width}x{box?.Height} at y={box?.Y}");
            var parts = colours.Split('|');
            Assert.NotEqual(parts[1], parts[0]);
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Printing_hides_navigation_and_keeps_care_cards_review_dates_and_link_addresses()
    {
        var page = await browser.NewPage(1280, 900);
        await page.Open("/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var hidden in new[] { "nav.site-nav", "header a.site-header__cta", "a.skip-link" })
        {
            Assert.False(await page.Locator(hidden).IsVisibleAsync(), $"{hidden} shows in print");
        }

        Assert.True(await page.Locator("aside.care-card").First.IsVisibleAsync(), "the urgent-help card is missing from print");
        Assert.True(await page.Locator("footer .review-dates").IsVisibleAsync(), "the review dates are missing from print");
        var link = page.Locator("main .page-body a[href^='/']").First;
        var after = await link.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
        var href = await link.GetAttributeAsync("href");
        Assert.Contains(href!, after, StringComparison.Ordinal);
        // Labels and values apart, and the site's own address on the paper for those paths.
        var label = await page.Locator("footer .review-dates dt").First.EvaluateAsync<string>("e => getComputedStyle(e, '::after').content");
        Assert.Equal("\": \"", label);
        var printedFrom = page.Locator("footer .print-only");
        Assert.True(await printedFrom.IsVisibleAsync(), "the printout does not say where it came from");
        Assert.Contains(browser.Site.BaseAddress.GetLeftPart(UriPartial.Authority), await printedFrom.TextContentAsync(), StringComparison.Ordinal);

        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserPaths.Artifacts, "home-print.pdf"), Format = "A4" });
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Screenshots_of_the_home_page_and_a_step_page_on_a_phone_and_a_desktop()
    {
        // Saved for people to look at (TestResults/browser); the test only checks they were made.
        foreach (var (name, url) in new[] { ("home", "/"), ("step", StepPage) })
        {
            foreach (var width in new[] { 360, 1280 })
            {
                var page = await browser.NewPage(width, width == 360 ? 740 : 900);
                await page.Open(url);
                var path = PageChecks.ScreenshotPath($"{name}-{width}");

                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                // What a reader sees first, at full size: the full page shrinks too much to judge.
                var top = PageChecks.ScreenshotPath($"{name}-{width}-first-screen");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = top });

                Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
                Assert.True(new FileInfo(top).Length > 5_000, $"{top} looks empty");
                await page.Context.CloseAsync();
            }
        }
    }
}

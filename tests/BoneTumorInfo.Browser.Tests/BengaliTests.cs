using System.Text.RegularExpressions;
using BoneTumorInfo.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace BoneTumorInfo.Browser.Tests;

/// <summary>
/// A person who reads only Bengali, in a real browser: from /bn to a reference number by the
/// Bengali labels, with JavaScript and without, and Bengali letters drawn by the site's own
/// font on a machine that has none.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class BengaliTests(BrowserFixture browser)
{
    private const string FormPath = "/bn/appointments/request";

    [GeneratedRegex("/bn/appointments/request/confirmation")]
    private static partial Regex ConfirmationAddress();

    private static async Task FillByBengaliLabels(IPage page, string name)
    {
        await page.GetByLabel("আমি রোগীর মা-বাবা বা দেখাশোনাকারী").CheckAsync();
        await page.GetByLabel("রোগীর পুরো নাম").FillAsync(name);
        await page.GetByLabel("দিন", new() { Exact = true }).FillAsync("১৪");
        await page.GetByLabel("মাস", new() { Exact = true }).FillAsync("জানুয়ারি");
        await page.GetByLabel("বছর", new() { Exact = true }).FillAsync("২০১৫");
        await page.GetByLabel("ফোন নম্বর").FillAsync("০১৭১২ ৩৪৫৬৭৮");
        await page.GetByLabel("শিশুদের টিউমারের অপারেশন").CheckAsync();
        await page.GetByLabel("বাংলা", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("কেন অ্যাপয়েন্টমেন্ট চান? (না লিখলেও চলবে)").FillAsync("হাঁটুর ওপরে দুই মাস ধরে ব্যথা।");
        await page.GetByLabel("এই অনুরোধের ব্যাপারে আমার সঙ্গে যোগাযোগ করতে হাসপাতাল এই তথ্য ব্যবহার করতে পারে, এতে আমি রাজি").CheckAsync();
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task From_the_Bengali_home_page_to_a_reference_number_by_the_Bengali_labels(bool javaScript)
    {
        var page = await browser.NewPage(javaScript: javaScript);
        await page.Open("/bn");
        await page.GetByRole(AriaRole.Link, new() { Name = "অ্যাপয়েন্টমেন্টের অনুরোধ করুন" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(FormPath) + "$"));
        // axe is a script: it runs on the JavaScript-on pass (the pages are the same HTML either way).
        if (javaScript) await page.AssertNoAxeViolations("empty Bengali form");

        await page.GetByRole(AriaRole.Button, new() { Name = "অনুরোধ পাঠান" }).ClickAsync();
        await page.WaitForSelectorAsync(".error-summary");
        Assert.StartsWith("ত্রুটি: ", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("কিছু তথ্য ঠিক করতে হবে", (await page.Locator(".error-summary__title").TextContentAsync())?.Trim());
        if (javaScript) await page.AssertNoAxeViolations("Bengali form with errors");

        await FillByBengaliLabels(page, "নুসরাত জাহান " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByRole(AriaRole.Button, new() { Name = "অনুরোধ পাঠান" }).ClickAsync();
        await page.WaitForURLAsync(ConfirmationAddress());

        Assert.Equal("অনুরোধ পাঠানো হয়েছে", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Matches("^BT-[A-Z0-9]{4}-[A-Z0-9]{4}$", (await page.Locator(".confirmation-panel__reference").TextContentAsync())?.Trim());
        if (javaScript) await page.AssertNoAxeViolations("Bengali confirmation");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Bengali_pages_draw_their_letters_with_the_sites_own_font_where_the_machine_has_none()
    {
        // A fontconfig that hides every Bengali font on this machine, as on a phone without one.
        var config = Path.Combine(Path.GetTempPath(), "bti-no-bengali-" + Guid.NewGuid().ToString("N") + ".conf");
        File.WriteAllText(config, """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <selectfont><rejectfont><pattern><patelt name="lang"><string>bn</string></patelt></pattern></rejectfont></selectfont>
              <selectfont><rejectfont><glob>*Bengali*</glob><glob>*Bangla*</glob><glob>*Lohit*</glob><glob>*Mukti*</glob></rejectfont></selectfont>
            </fontconfig>
            """);
        await using var bare = await browser.LaunchSeparate(new Dictionary<string, string> { ["FONTCONFIG_FILE"] = config });
        var page = await bare.NewPage();
        var fonts = new List<string>();
        page.Request += (_, request) => { if (request.Url.Contains("/fonts/", StringComparison.Ordinal)) fonts.Add(request.Url); };

        await page.Open("/");
        await page.EvaluateAsync<bool>("() => document.fonts.ready.then(() => true)");
        var englishFonts = fonts.Count;
        await page.Open("/bn/conditions/malignant-bone-tumours");
        await page.EvaluateAsync<bool>("() => document.fonts.ready.then(() => true)");
        var loaded = await page.EvaluateAsync<string[]>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPaths.Artifacts, "bengali-page-without-system-font-360.png") });

        Assert.Equal(0, englishFonts);
        Assert.Contains(loaded, f => f.Contains("Bengali", StringComparison.Ordinal));
        Assert.Contains(fonts, f => f.EndsWith(".woff2", StringComparison.Ordinal));
        File.Delete(config);
    }
}

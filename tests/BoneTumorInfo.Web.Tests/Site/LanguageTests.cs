using System.Net;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>A Bengali page speaks Bengali all round: its text, the site's own words, its errors.</summary>
public sealed class LanguageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_Bengali_page_has_Bengali_interface_words_and_links_back_to_its_English_twin()
    {
        var (response, page) = await site.CreateClient().GetPage("/bn/bone-tumor-surgery/anaesthesia");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("মূল লেখায় চলে যান", page.QuerySelector(".skip-link")?.TextContent);
        Assert.Equal("অ্যাপয়েন্টমেন্টের অনুরোধ করুন", page.QuerySelector(".site-header__cta")?.TextContent.Trim());
        Assert.Equal("এই পাতায় যা আছে", page.QuerySelector(".contents__title")?.TextContent);
        Assert.Contains("পাতাটি শেষ পর্যালোচনা", page.QuerySelector("footer")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("নভেম্বর", page.QuerySelector("footer time")?.TextContent, StringComparison.Ordinal);
        // "১ নভেম্বর ২০২৬": Bengali digits on a Bengali page, not 1 and 2026.
        Assert.Matches("^[০-৯]+ নভেম্বর [০-৯]{4}$", page.QuerySelector("footer time")?.TextContent);
        var english = page.QuerySelector("a[hreflang=en]");
        Assert.Equal("/bone-tumor-surgery/anaesthesia", english?.GetAttribute("href"));
        Assert.Equal("en", english?.GetAttribute("lang"));
        Assert.Equal("শব্দকোষে আরও শব্দ", page.QuerySelector(".glossary-popover a")?.TextContent);
    }

    [Fact]
    public async Task An_English_page_links_to_its_Bengali_twin()
    {
        var (_, page) = await site.CreateClient().GetPage("/conditions/benign-bone-tumours");

        var bengali = page.QuerySelector("a[hreflang=bn]");
        Assert.Equal("/bn/conditions/benign-bone-tumours", bengali?.GetAttribute("href"));
        Assert.Equal("বাংলা", bengali?.TextContent);
        Assert.Equal("Skip to main content", page.QuerySelector(".skip-link")?.TextContent);
    }

    [Fact]
    public async Task A_missing_Bengali_page_gets_a_Bengali_404()
    {
        var (response, page) = await site.CreateClient().GetPage("/bn/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("bn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("পাতাটি পাওয়া যায়নি", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("/bn", page.QuerySelector("main a")?.GetAttribute("href"));
    }
}

/// <summary>The languages come from configuration, exactly as written there.</summary>
public sealed class ConfiguredLanguagesTests
{
    [Fact]
    public void Languages_set_in_configuration_are_exactly_the_site_languages()
    {
        using var site = new SiteFactory().WithWebHostBuilder(b => b
            .UseSetting("Content:Languages:0", "en-GB")
            .UseSetting("Content:Languages:1", "bn-BD"));

        var languages = site.Services.GetRequiredService<SiteLanguages>();

        Assert.Equal(["en", "bn"], languages.Codes);
        Assert.Equal("en", languages.Default.Code);
        Assert.Equal(["English", "বাংলা"], languages.All.Select(l => l.NativeName));
    }

    [Fact]
    public async Task With_English_alone_configured_a_Bengali_address_is_not_a_language()
    {
        using var site = new SiteFactory().WithWebHostBuilder(b => b.UseSetting("Content:Languages:0", "en-GB"));

        var languages = site.Services.GetRequiredService<SiteLanguages>();
        var (response, _) = await site.CreateClient().GetPage("/bn/conditions");

        Assert.Equal(["en"], languages.Codes);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_language_added_in_configuration_with_its_content_folder_works_end_to_end()
    {
        // Tamil: one line of configuration and a content folder; no code knows about it.
        using var site = new TempContentSite()
            .Write("ta/index.md", TestPages.Page("முகப்பு", body: "எலும்புக் கட்டிகள் பற்றிய எளிய தகவல்."));
        using var tamil = site.WithWebHostBuilder(b => b
            .UseSetting("Content:Languages:0", "en-GB")
            .UseSetting("Content:Languages:1", "ta-IN"));
        var client = tamil.CreateClient();

        var (response, page) = await client.GetPage("/ta");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ta", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("முகப்பு", page.QuerySelector("h1")?.TextContent.Trim());
        // The title, written by Razor, is sent as UTF-8, not as "&#xBAE;" character references.
        Assert.Matches("<title>முகப்பு", await response.Content.ReadAsStringAsync());

        var (_, english) = await client.GetPage("/");
        var link = english.QuerySelector("a[hreflang=ta]");
        Assert.Equal("/ta", link?.GetAttribute("href"));
        Assert.Equal("தமிழ்", link?.TextContent.Trim());

        // The form has no Tamil wording yet: it is the English form, and it works.
        var (formResponse, form) = await client.GetPage("/ta/appointments/request");
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        var nameLabel = form.QuerySelectorAll("label").FirstOrDefault(l => l.TextContent.Trim() == "Patient's full name");
        Assert.NotNull(nameLabel);
        Assert.NotNull(form.GetElementById(nameLabel.GetAttribute("for")!) as AngleSharp.Html.Dom.IHtmlInputElement);
    }
}

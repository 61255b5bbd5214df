using System.Text.Json;
using BoneTumorInfo.Content.FrontMatter;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Web.Seo;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BoneTumorInfo.Web.Tests.Seo;

/// <summary>What a page's head tells search engines and share previews.</summary>
public sealed class HeadTagsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_page_names_its_one_absolute_address_and_its_twins_in_each_language()
    {
        var (_, page) = await site.CreateClient().GetPage("/conditions/benign-bone-tumours?utm_source=x");

        Assert.Equal("http://localhost/conditions/benign-bone-tumours", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal(new Dictionary<string, string?>
        {
            ["en"] = "http://localhost/conditions/benign-bone-tumours",
            ["bn"] = "http://localhost/bn/conditions/benign-bone-tumours",
            ["x-default"] = "http://localhost/conditions/benign-bone-tumours",
        }, alternates);
    }

    [Fact]
    public async Task A_configured_public_address_is_used_instead_of_the_request_s_host()
    {
        using var published = site.WithWebHostBuilder(b => b.UseSetting("Site:PublicUrl", "https://bonetumour.example/"));
        var (_, page) = await published.CreateClient().GetPage("/bn/conditions");

        Assert.Equal("https://bonetumour.example/bn/conditions", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://bonetumour.example/images/share.png", page.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Without_a_public_address_a_forged_host_changes_only_the_page_sent_to_whoever_forged_it()
    {
        // The forger asks first, twice (the second copy comes from the stored pages).
        var forger = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://forged.example") });
        for (var i = 0; i < 2; i++)
        {
            var (_, forged) = await forger.GetPage("/children/care-team");
            Assert.Equal("http://forged.example/children/care-team", forged.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        }

        var reader = site.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            var (_, page) = await reader.GetPage("/children/care-team");
            Assert.Equal("http://localhost/children/care-team", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.DoesNotContain("forged.example", page.Source.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Share_previews_get_title_description_site_name_locales_and_the_site_image()
    {
        var client = site.CreateClient();
        var (_, page) = await client.GetPage("/bn/conditions/benign-bone-tumours");
        string? Meta(string key) => page.QuerySelector($"meta[property='{key}'], meta[name='{key}']")?.GetAttribute("content");

        Assert.Equal(page.QuerySelector("h1")?.TextContent, Meta("og:title"));
        Assert.Equal(page.QuerySelector("meta[name=description]")?.GetAttribute("content"), Meta("og:description"));
        Assert.Equal("হাড়ের টিউমার তথ্য", Meta("og:site_name"));
        Assert.Equal("bn_BD", Meta("og:locale"));
        Assert.Equal("en_GB", Meta("og:locale:alternate"));
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal("summary_large_image", Meta("twitter:card"));
        Assert.Equal("1200", Meta("og:image:width"));

        var image = await client.GetAsync(new Uri(new Uri(Meta("og:image")!).AbsolutePath, UriKind.Relative));
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        // PNG header: width and height are the big-endian words at 16 and 20.
        Assert.Equal((1200, 630), (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
    }

    [Fact]
    public async Task A_condition_page_carries_a_MedicalWebPage_about_its_condition()
    {
        var (_, page) = await site.CreateClient().GetPage("/conditions/benign-bone-tumours");

        var block = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(block.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("MedicalWebPage", root.GetProperty("@type").GetString());
        Assert.Equal("Benign bone tumours", root.GetProperty("name").GetString());
        Assert.Equal("en-GB", root.GetProperty("inLanguage").GetString());
        Assert.Equal("2026-11-01", root.GetProperty("lastReviewed").GetString());
        Assert.Equal("Consultant orthopaedic oncologist", root.GetProperty("reviewedBy").GetProperty("jobTitle").GetString());
        Assert.Equal("Patient", root.GetProperty("audience").GetProperty("audienceType").GetString());
        Assert.Equal("MedicalAudience", root.GetProperty("audience").GetProperty("@type").GetString());
        Assert.Equal("MedicalCondition", root.GetProperty("about").GetProperty("@type").GetString());
        Assert.Equal("Organization", root.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("Bone Tumour Info", root.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("http://localhost/conditions/benign-bone-tumours", root.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_page_that_is_not_about_a_condition_says_nothing_about_one_and_error_pages_have_no_address()
    {
        var client = site.CreateClient();
        var (_, about) = await client.GetPage("/about");
        using var json = JsonDocument.Parse(about.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.False(json.RootElement.TryGetProperty("about", out _));

        var (_, missing) = await client.GetPage("/no-such-page");
        Assert.Null(missing.QuerySelector("link[rel=canonical]"));
        Assert.Null(missing.QuerySelector("script[type='application/ld+json']"));
    }

    [Fact]
    public void Structured_data_cannot_end_its_script_block_whatever_a_title_says()
    {
        var front = new PageFrontMatter
        {
            Title = "</script><script>alert(1)</script>",
            Description = "A & B <b>",
            LastReviewed = new DateOnly(2026, 11, 1),
            NextReviewDue = new DateOnly(2027, 11, 1),
            ReviewedBy = "Nurse",
        };
        var page = new PageEntry("en", "conditions/x", "/conditions/x", "conditions/x.md", "/tmp/x.md", "content/en/conditions/x.md", front, []);

        var json = JsonLd.For(page, "https://a.example/conditions/x", "Site", "https://a.example/", "en-GB");

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(front.Title, parsed.RootElement.GetProperty("name").GetString());
    }
}

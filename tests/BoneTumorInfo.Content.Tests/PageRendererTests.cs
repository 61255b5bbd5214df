using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests;

/// <summary>What an editor writes, and what a reader's browser receives.</summary>
public class PageRendererTests
{
    private static RenderedPage Render(string body, string file = "bone-tumor-surgery/anaesthesia.md", string language = "en")
    {
        var entry = new PageEntry(language, ContentPaths.SlugOf(file), "/x", file, "/tmp/x.md", $"content/{language}/{file}", null, []);
        return PageRenderer.Render(entry, TestPages.Page("Test", body: body), "en");
    }

    private static AngleSharp.Dom.IDocument Html(string body, string file = "bone-tumor-surgery/anaesthesia.md", string language = "en") =>
        new HtmlParser().ParseDocument(Render(body, file, language).Html);

    [Fact]
    public void Headings_get_GitHub_style_ids_and_h2s_make_the_contents_list()
    {
        var page = Render("## Before you come in\n\ntext\n\n### Small print\n\n## What to bring: a list\n");

        Assert.Equal(["before-you-come-in", "what-to-bring-a-list"], page.Contents.Select(h => h.Id));
        Assert.Equal(["Before you come in", "What to bring: a list"], page.Contents.Select(h => h.Text));
        Assert.Contains("<h3 id=\"small-print\">", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Front_matter_is_not_shown_as_text()
    {
        var page = Render("Hello.");

        Assert.DoesNotContain("reviewed_by", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_render()
    {
        var doc = Html("| Test | Why |\n| --- | --- |\n| MRI | Shows soft tissue |\n");

        Assert.Equal("MRI", doc.QuerySelector("table tbody td")?.TextContent);
    }

    [Theory]
    [InlineData("[next](removing-the-tumour.md)", "/bone-tumor-surgery/removing-the-tumour")]
    [InlineData("[benign](../conditions/benign-bone-tumours.md)", "/conditions/benign-bone-tumours")]
    [InlineData("[section](../conditions/index.md)", "/conditions")]
    [InlineData("[home](../index.md)", "/")]
    [InlineData("[term](../glossary.md#biopsy)", "/glossary#biopsy")]
    [InlineData("[here](#fasting)", "#fasting")]
    [InlineData("[form](/appointments/request)", "/appointments/request")]
    [InlineData("[who](https://www.who.int/)", "https://www.who.int/")]
    public void Links_to_md_files_become_site_urls(string markdown, string href)
    {
        var doc = Html(markdown);

        Assert.Equal(href, doc.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Links_in_other_languages_stay_in_that_language()
    {
        var doc = Html("[x](../conditions/index.md)", language: "bn");

        Assert.Equal("/bn/conditions", doc.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Images_resolve_against_the_page_folder()
    {
        var doc = Html("![An X-ray of a knee](images/knee x-ray.png)".Replace(" x-ray", "-x-ray", StringComparison.Ordinal));
        var img = doc.QuerySelector("img");

        Assert.Equal("/content-files/en/bone-tumor-surgery/images/knee-x-ray.png", img?.GetAttribute("src"));
        Assert.Equal("An X-ray of a knee", img?.GetAttribute("alt"));
    }

    [Fact]
    public void Every_link_is_reported_with_its_line_and_target_file()
    {
        var page = Render("Intro.\n\nSee [recovery](closing.md#pain) and ![x](pic.png).");

        var link = page.Links[0];
        Assert.Equal(12, link.Line); // front matter (9 lines incl. blank) + "Intro." + blank line
        Assert.Equal("en/bone-tumor-surgery/closing.md", link.TargetFile);
        Assert.Equal("pain", link.Fragment);
        Assert.True(page.Links[1].IsImage);
        Assert.Equal("en/bone-tumor-surgery/pic.png", page.Links[1].TargetFile);
    }

    [Fact]
    public void An_urgent_block_is_an_aside_named_by_its_heading()
    {
        var doc = Html("::: urgent\n### Call your team the same day if\n- you have a fever\n:::\n");
        var aside = doc.QuerySelector("aside.care-card.care-card--urgent");

        Assert.NotNull(aside);
        var heading = aside.QuerySelector("h3");
        Assert.Equal("Call your team the same day if", heading?.TextContent);
        Assert.Equal(heading?.Id, aside.GetAttribute("aria-labelledby"));
        Assert.Equal("you have a fever", aside.QuerySelector(".care-card__content li")?.TextContent);
    }

    [Fact]
    public void An_emergency_block_has_its_own_style()
    {
        var doc = Html("::: emergency\n## Call 999 now if\n- you cannot breathe\n:::\n");

        Assert.NotNull(doc.QuerySelector("aside.care-card--emergency h2"));
    }

    [Fact]
    public void An_unknown_block_kind_is_just_a_div()
    {
        var doc = Html("::: sparkly\nHello\n:::\n");

        Assert.Null(doc.QuerySelector("aside"));
        Assert.Equal("Hello", doc.QuerySelector("div > p")?.TextContent);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<div onclick=\"alert(1)\">x</div>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java&#09;script:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("<data:text/html,<script>alert(1)</script>>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)")]
    [InlineData("[x](https://example.org){onclick=alert(1)}")]
    [InlineData("# Title {onmouseover=alert(1)}")]
    [InlineData("[x]: javascript:alert(1)\n\n[y][x]")]
    [InlineData("::: urgent\n### Hi\n<script>alert(1)</script>\n:::")]
    public void Nothing_executable_reaches_a_reader(string markdown)
    {
        var doc = Html(markdown);

        Assert.Empty(doc.QuerySelectorAll("script, iframe, object, embed, svg, style"));
        foreach (var element in doc.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}");
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}={attribute.Value}");
                Assert.False(value.StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}={attribute.Value}");
                Assert.False(value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase), $"{element.TagName} kept {attribute.Name}={attribute.Value}");
            }
        }
    }
}

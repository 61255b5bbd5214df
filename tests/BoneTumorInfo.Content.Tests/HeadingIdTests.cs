using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Markdown;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests;

/// <summary>Heading ids keep Bengali whole, so a Bengali page can link to a Bengali heading.</summary>
public class HeadingIdTests
{
    private static RenderedPage Render(string body, string language = "bn")
    {
        var entry = new PageEntry(language, "page", "/x", "page.md", "/tmp/x.md", $"content/{language}/page.md", null, []);
        return PageRenderer.Render(entry, TestPages.Page("Test", body: body), "en");
    }

    [Theory]
    [InlineData("শিরোনাম", "শিরোনাম")]
    [InlineData("কখন জরুরি সাহায্য নেবেন", "কখন-জরুরি-সাহায্য-নেবেন")]
    [InlineData("নজরে রাখা, নাকি চিকিৎসা", "নজরে-রাখা-নাকি-চিকিৎসা")]
    [InlineData("এখনই ৯৯৯ নম্বরে ফোন করুন", "এখনই-৯৯৯-নম্বরে-ফোন-করুন")]
    [InlineData("সফট টিস্যু সারকোমা (Soft tissue sarcoma)", "সফট-টিস্যু-সারকোমা-soft-tissue-sarcoma")]
    [InlineData("হাঁটা, বসা ও ঘুম", "হাঁটা-বসা-ও-ঘুম")]
    public void A_bengali_heading_id_keeps_every_letter_vowel_sign_and_digit(string heading, string id)
    {
        var page = Render($"## {heading}\n\nলেখা।\n");

        Assert.Equal(id, Assert.Single(page.Contents).Id);
        var html = new HtmlParser().ParseDocument(page.Html);
        Assert.NotNull(html.GetElementById(id));
    }

    [Theory]
    [InlineData("Before you come in")]
    [InlineData("What to bring: a list")]
    [InlineData("Walking, sitting & sleeping (the first 6 weeks)")]
    [InlineData("X-rays and CT_scans — what's the difference?")]
    [InlineData("Café au lait spots")]
    [InlineData("  Spaces   around  ")]
    public void An_english_heading_id_is_exactly_what_it_was_before(string heading)
    {
        // The ids GitHub-style auto-identifiers gave until now: links written to them keep working.
        var before = Markdig.Helpers.LinkHelper.UrilizeAsGfm(heading.Trim());

        Assert.Equal(before, HeadingIds.IdOf(heading.Trim()));
        Assert.Equal(before, Assert.Single(Render($"## {heading}\n\nText.\n", "en").Contents).Id);
    }

    [Fact]
    public void Every_english_heading_on_the_site_keeps_its_id()
    {
        var index = PageIndex.Build(RepoPaths.Content, new ContentOptions(), includeDrafts: true);
        var headings = index.Pages.Where(p => p.Language == "en" && !p.IsBroken && p.PathInLanguage != "glossary.md")
            .SelectMany(p => index.Render(p).Headings)
            .ToList();

        Assert.NotEmpty(headings);
        Assert.All(headings, h => Assert.StartsWith(Markdig.Helpers.LinkHelper.UrilizeAsGfm(h.Text), h.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_bengali_headings_alike_get_numbered_ids()
    {
        var page = Render("## প্রশ্ন\n\nক\n\n## প্রশ্ন\n\nখ\n");

        Assert.Equal(["প্রশ্ন", "প্রশ্ন-1"], page.Contents.Select(h => h.Id));
    }

    [Fact]
    public void The_checker_follows_a_link_to_a_bengali_heading_and_reports_one_to_a_heading_that_is_not_there()
    {
        using var content = new TempContent();
        content
            .Write("bn/index.md", TestPages.Page("হোম", body: "[ঠিক](other.md#কখন-সাহায্য-নেবেন)\n\n[এনকোড করা](other.md#%E0%A6%95%E0%A6%96%E0%A6%A8-%E0%A6%B8%E0%A6%BE%E0%A6%B9%E0%A6%BE%E0%A6%AF%E0%A7%8D%E0%A6%AF-%E0%A6%A8%E0%A7%87%E0%A6%AC%E0%A7%87%E0%A6%A8)\n\n[ভুল](other.md#কখন-সাহায্য)\n"))
            .Write("bn/other.md", TestPages.Page("অন্য", body: "## কখন সাহায্য নেবেন\n\nলেখা।\n"));

        var report = ContentChecker.CheckFolder(content.Root, new ContentOptions(), new DateOnly(2026, 11, 23));

        var error = Assert.Single(report.Diagnostics, d => d.IsError);
        Assert.Equal("content/bn/index.md", error.File);
        Assert.Equal(14, error.Line);
        Assert.Contains("'#কখন-সাহায্য'", error.Message, StringComparison.Ordinal);
    }
}

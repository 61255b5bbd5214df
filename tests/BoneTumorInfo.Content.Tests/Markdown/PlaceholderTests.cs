using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Markdown.Placeholders;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Service;
using BoneTumorInfo.Content.Tests.Service;

namespace BoneTumorInfo.Content.Tests.Markdown;

/// <summary>What an editor writes between double braces, and what a reader sees.</summary>
public class PlaceholderTests
{
    /// <summary>TestPages.Page's front matter and blank line take 9 lines: body line 1 is file line 10.</summary>
    private const int FirstBodyLine = 10;

    private static RenderedPage Render(string body, string language = "en", ServiceProfile? profile = null, bool noProfile = false)
    {
        var entry = new PageEntry(language, "contact", "/contact", "contact.md", "/tmp/contact.md", $"content/{language}/contact.md", null, []);
        return PageRenderer.Render(entry, TestPages.Page("Contact", body: body), "en", service: noProfile ? null : profile ?? ServiceFixtures.Valid());
    }

    private static AngleSharp.Dom.IDocument Html(string body, string language = "en") =>
        new HtmlParser().ParseDocument(Render(body, language).Html);

    [Fact]
    public void A_phone_placeholder_is_a_tap_to_call_link_showing_the_national_number()
    {
        var link = Html("Call the ward on {{ phone.ward }}, day or night.").QuerySelector("p a");

        Assert.Equal("tel:+8801700000000", link?.GetAttribute("href"));
        Assert.Equal("01700-000000", link?.TextContent);
        Assert.Equal("phone-number", link?.ClassName);
    }

    [Fact]
    public void On_a_Bengali_page_the_number_shows_in_Bengali_digits_and_dials_the_same()
    {
        var link = Html("ওয়ার্ডে ফোন করুন: {{ phone.ward }}", "bn").QuerySelector("p a");

        Assert.Equal("tel:+8801700000000", link?.GetAttribute("href"));
        Assert.Equal("০১৭০০-০০০০০০", link?.TextContent);
    }

    [Theory]
    [InlineData("en", "{{ phone.emergency }}", "999")]
    [InlineData("bn", "{{ phone.emergency }}", "৯৯৯")]
    [InlineData("en", "{{ phone.appointments }}", "02-55667788")]
    public void Every_phone_line_has_its_own_placeholder(string language, string placeholder, string shown)
    {
        Assert.Equal(shown, Html($"Call {placeholder} now.", language).QuerySelector("a.phone-number")?.TextContent);
    }

    [Theory]
    [InlineData("en", "{{ service.name }}", "Bone Tumour Service")]
    [InlineData("bn", "{{ service.name }}", "হাড়ের টিউমার সেবা")]
    [InlineData("en", "{{ service.hospital }}", "Test Hospital")]
    [InlineData("en", "{{ service.address }}", "Ward 4B, Test Hospital, 12 Test Road, Dhaka 1000")]
    [InlineData("bn", "{{ service.address }}", "ওয়ার্ড ৪বি, টেস্ট হাসপাতাল, ঢাকা ১০০০")]
    [InlineData("en", "{{ service.callback }}", "within 2 working days")]
    [InlineData("bn", "{{ service.callback }}", "২ কর্মদিবসের মধ্যে")]
    [InlineData("en", "{{ phone.appointments.hours }}", "Sunday to Thursday, 9am to 5pm; Saturday, 9am to 1pm")]
    [InlineData("bn", "{{ phone.ward.hours }}", "প্রতিদিন, দিনরাত ২৪ ঘণ্টা")]
    public void Text_placeholders_show_the_words_for_the_pages_language(string language, string placeholder, string shown)
    {
        Assert.Equal($"[{shown}]", Html($"[{placeholder}]", language).QuerySelector("p")?.TextContent);
    }

    [Fact]
    public void The_email_placeholder_is_a_mailto_link()
    {
        var link = Html("Write to {{ service.email }}.").QuerySelector("a");

        Assert.Equal("mailto:team@example.org", link?.GetAttribute("href"));
        Assert.Equal("team@example.org", link?.TextContent);
    }

    [Theory]
    [InlineData("en", "See the hospital on a map (OpenStreetMap)")]
    [InlineData("bn", "মানচিত্রে হাসপাতালটি দেখুন (OpenStreetMap)")]
    public void The_map_placeholder_is_a_plain_link_to_OpenStreetMap(string language, string text)
    {
        var link = Html("{{ service.map }}", language).QuerySelector("a");

        Assert.Equal("https://www.openstreetmap.org/#map=17/23.7259/90.3968", link?.GetAttribute("href"));
        Assert.Equal(text, link?.TextContent);
    }

    [Fact]
    public void Placeholders_work_in_care_cards_lists_and_headings()
    {
        var doc = Html("""
            ::: urgent
            ### Call the ward on {{ phone.ward }} now if
            - you have a temperature of 38°C (100.4°F) or more: call {{ phone.ward }}
            :::

            1. Ring {{ phone.appointments }}.
            """);

        Assert.Equal("Call the ward on 01700-000000 now if", doc.QuerySelector("aside h3")?.TextContent);
        Assert.Equal("tel:+8801700000000", doc.QuerySelector("aside li a")?.GetAttribute("href"));
        Assert.Equal("tel:+880255667788", doc.QuerySelector("ol li a")?.GetAttribute("href"));
    }

    [Fact]
    public void Spacing_and_capitals_inside_the_braces_do_not_matter()
    {
        var doc = Html("{{phone.ward}} and {{  Phone.Ward  }}");

        Assert.Equal(2, doc.QuerySelectorAll("a.phone-number").Length);
    }

    [Fact]
    public void An_unknown_placeholder_shows_nothing_and_is_recorded_at_its_line_and_column()
    {
        var page = Render("Intro.\n\nCall {{ phone.wrd }} today.");

        Assert.Equal("Call  today.", new HtmlParser().ParseDocument(page.Html).QuerySelectorAll("p")[1].TextContent);
        var placeholder = Assert.Single(page.Placeholders);
        Assert.Equal(PlaceholderStatus.Unknown, placeholder.Status);
        Assert.Equal("{{ phone.wrd }}", placeholder.Written);
        Assert.Equal(FirstBodyLine + 2, placeholder.Line);
        Assert.Equal(6, placeholder.Column);
    }

    [Fact]
    public void Without_a_profile_a_known_placeholder_shows_nothing_rather_than_braces()
    {
        var page = Render("Call {{ phone.ward }} now.", noProfile: true);

        Assert.DoesNotContain("{", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("phone.ward", page.Html, StringComparison.Ordinal);
        Assert.Equal(PlaceholderStatus.NoProfile, Assert.Single(page.Placeholders).Status);
    }

    [Fact]
    public void An_unclosed_placeholder_is_recorded_so_the_checker_can_point_at_it()
    {
        var page = Render("Call {{ phone.ward } now.");

        var placeholder = Assert.Single(page.Placeholders);
        Assert.Equal(PlaceholderStatus.Unclosed, placeholder.Status);
        Assert.Equal(FirstBodyLine, placeholder.Line);
        Assert.Equal(6, placeholder.Column);
    }

    [Fact]
    public void In_a_code_span_braces_stay_as_written_for_the_editors_guide()
    {
        var page = Render("Write `{{ phone.ward }}` in a page.");

        Assert.Contains("<code>{{ phone.ward }}</code>", page.Html, StringComparison.Ordinal);
        Assert.Empty(page.Placeholders);
    }

    [Fact]
    public void Inside_a_link_a_phone_placeholder_is_plain_text_not_a_second_link()
    {
        var doc = Html("[Ward {{ phone.ward }}](/contact)");

        var link = Assert.Single(doc.QuerySelectorAll("a"));
        Assert.Equal("Ward 01700-000000", link.TextContent);
        Assert.Equal("/contact", link.GetAttribute("href"));
    }

    [Fact]
    public void The_reading_level_measures_the_details_not_the_braces()
    {
        var page = Render("Ring {{ service.name }}.");

        Assert.Equal(4, page.ReadingLevel.Words);
        Assert.Equal(["Ring Bone Tumour Service."], page.ReadingLevel.LongestSentences);
    }

    [Fact]
    public void Tel_and_mailto_links_survive_the_sanitizer()
    {
        var page = Render("{{ phone.emergency }} {{ service.email }}");

        Assert.Contains("href=\"tel:999\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:team@example.org\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_known_key_fills_from_a_profile()
    {
        foreach (var key in PlaceholderFiller.Known.Keys)
        {
            var page = Render($"{{{{ {key} }}}}");

            Assert.Equal(PlaceholderStatus.Filled, Assert.Single(page.Placeholders).Status);
            Assert.NotEmpty(new HtmlParser().ParseDocument(page.Html).Body!.TextContent.Trim());
        }
    }
}

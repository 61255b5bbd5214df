using BoneTumorInfo.Content.FrontMatter;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>The site as readers get it, over the repo's real content.</summary>
public sealed class RealContentTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    /// <summary>Every published page under content/, found on disk (not from the app's own index).</summary>
    public static TheoryData<string, string> AllPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in RepoPaths.ContentPages()) data.Add(page.Url, page.File);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Every_page_renders_with_its_title_in_the_tab_and_the_heading(string url, string file)
    {
        var problems = new List<BoneTumorInfo.Content.Diagnostics.ContentDiagnostic>();
        var frontMatter = FrontMatterReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Content, file)), file, problems);
        Assert.True(frontMatter is not null, string.Join('\n', problems));

        var (response, page) = await site.CreateClient().GetPage(url);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith(frontMatter.Title, page.Title, StringComparison.Ordinal);
        Assert.Equal(frontMatter.Title, page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal(file.Split('/')[0], page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("main#main"));
        var footer = page.QuerySelector("footer")!;
        Assert.Equal(
            [frontMatter.LastReviewed.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), frontMatter.NextReviewDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)],
            footer.QuerySelectorAll(".review-dates time").Select(t => t.GetAttribute("datetime")));
        Assert.Contains(frontMatter.ReviewedBy, footer.TextContent, StringComparison.Ordinal);
        if (url.StartsWith("/bn", StringComparison.Ordinal)) return;
        Assert.Contains("Page last reviewed", footer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Next review due", footer.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_lists_every_section_on_every_page()
    {
        // A section is a folder with an index.md, or a page, directly under content/en.
        var root = Path.Combine(RepoPaths.Content, "en");
        var expected = Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, "index.md"))).Select(d => "/" + Path.GetFileName(d))
            .Concat(Directory.EnumerateFiles(root, "*.md").Where(f => Path.GetFileName(f) != "index.md").Select(f => "/" + Path.GetFileNameWithoutExtension(f)))
            .Order().ToList();
        Assert.Contains("/bone-tumor-surgery", expected);

        foreach (var url in new[] { "/", "/bone-tumor-surgery/anaesthesia" })
        {
            var (_, page) = await site.CreateClient().GetPage(url);
            var links = page.QuerySelectorAll("nav[aria-label='Main'] a").Select(a => a.GetAttribute("href") ?? "").Order().ToList();
            Assert.Equal(expected, links);
        }
    }

    [Fact]
    public async Task The_header_offers_an_appointment_on_every_page()
    {
        var (_, page) = await site.CreateClient().GetPage("/conditions");

        Assert.Equal("Request an appointment", page.QuerySelector("header a.site-header__cta")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_surgery_steps_link_forward_and_back_in_order()
    {
        string[] steps =
        [
            "/bone-tumor-surgery", "/bone-tumor-surgery/tests-before-surgery", "/bone-tumor-surgery/anaesthesia",
            "/bone-tumor-surgery/removing-the-tumour", "/bone-tumor-surgery/rebuilding-the-bone",
            "/bone-tumor-surgery/closing-the-wound-and-recovery",
        ];
        var client = site.CreateClient();

        for (var i = 0; i < steps.Length; i++)
        {
            var (_, page) = await client.GetPage(steps[i]);
            Assert.Equal(i > 0 ? steps[i - 1] : null, page.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
            Assert.Equal(i < steps.Length - 1 ? steps[i + 1] : null, page.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        }
    }

    [Fact]
    public async Task A_step_page_has_breadcrumbs_and_an_on_this_page_list_that_leads_to_its_headings()
    {
        var (_, page) = await site.CreateClient().GetPage("/bone-tumor-surgery/anaesthesia");

        Assert.Equal(["/", "/bone-tumor-surgery"], page.QuerySelectorAll("nav[aria-label='Breadcrumb'] a").Select(a => a.GetAttribute("href")));
        var contents = page.QuerySelectorAll("nav.contents a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.True(contents.Count >= 2);
        Assert.All(contents, href => Assert.NotNull(page.GetElementById(href.TrimStart('#'))));
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/bone-tumor-surgery/no-such-step")]
    [InlineData("/status/404")]
    [InlineData("/bone-tumor-surgery/anaesthesia.md")]
    [InlineData("/bone-tumor-surgery%5c..%5c..%5cREADME")]
    public async Task An_unknown_address_gets_a_real_404_page(string url)
    {
        var (response, page) = await site.CreateClient().GetPage(url);

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.TextContent);
        Assert.NotNull(page.QuerySelector("nav[aria-label='Main']"));
    }

    [Fact]
    public async Task A_capitalised_address_is_sent_to_the_lower_case_page()
    {
        var response = await site.CreatePlainClient().GetAsync(new Uri("/Bone-Tumor-Surgery/Anaesthesia", UriKind.Relative));

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal("/bone-tumor-surgery/anaesthesia", response.Headers.Location?.OriginalString);
    }
}

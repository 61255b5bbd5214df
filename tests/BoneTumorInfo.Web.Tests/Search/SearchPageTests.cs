using System.Net;
using BoneTumorInfo.Content.Search;
using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Search;

/// <summary>The search page as a reader uses it: a plain GET form, answered on the server, in the page's language.</summary>
public sealed class SearchPageTests(SearchSite site) : IClassFixture<SearchSite>
{
    private static string Search(string query, string prefix = "") => $"{prefix}/search?q={Uri.EscapeDataString(query)}";

    private async Task<string[]> ResultUrls(string url)
    {
        var client = await site.ReadyClient();
        var (response, page) = await client.GetPage(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll(".search-results__title a").Select(a => a.GetAttribute("href")!).ToArray();
    }

    [Theory]
    [InlineData("/conditions", "/search", "Search")]
    [InlineData("/bn/conditions", "/bn/search", "খুঁজুন")]
    [InlineData("/appointments/request", "/search", "Search")]
    public async Task Every_page_has_a_search_box_in_its_header_that_works_without_script(string url, string action, string button)
    {
        var (_, page) = await site.CreateClient().GetPage(url);

        var form = page.QuerySelector("header form[role=search]");
        Assert.NotNull(form);
        Assert.Equal(action, form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        var input = form.QuerySelector("input[name=q]");
        Assert.NotNull(input);
        Assert.False(string.IsNullOrWhiteSpace(form.QuerySelector($"label[for='{input.Id}']")?.TextContent));
        Assert.Equal(button, form.QuerySelector("button[type=submit]")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_American_spelling_finds_the_pages_about_tumours()
    {
        var urls = await ResultUrls(Search("tumor"));

        Assert.Contains("/conditions/benign-bone-tumours", urls);
        Assert.Contains("/conditions/malignant-bone-tumours", urls);
    }

    [Fact]
    public async Task Bone_cancer_finds_the_malignant_tumours_page_near_the_top()
    {
        var urls = await ResultUrls(Search("bone cancer"));

        Assert.Contains("/conditions/malignant-bone-tumours", urls.Take(3));
    }

    [Fact]
    public async Task A_misspelt_word_shows_what_it_probably_meant_and_its_pages()
    {
        var client = await site.ReadyClient();
        var (_, page) = await client.GetPage(Search("osteosarcma"));

        Assert.Contains("osteosarcoma", page.QuerySelector(".search-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("/conditions/malignant-bone-tumours", page.QuerySelectorAll(".search-results__title a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("হাড়ের ক্যানসার")]
    [InlineData("অস্টিওসারকোমা")]
    [InlineData("Osteosarcoma")]
    public async Task A_Bengali_search_finds_Bengali_pages_in_Bengali(string query)
    {
        var client = await site.ReadyClient();
        var (_, page) = await client.GetPage(Search(query, "/bn"));

        Assert.Equal("bn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("খুঁজুন", page.QuerySelector("h1")?.TextContent);
        var urls = page.QuerySelectorAll(".search-results__title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/bn/conditions/malignant-bone-tumours", urls);
        Assert.All(urls, url => Assert.StartsWith("/bn", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_result_shows_its_section_description_and_an_extract_with_the_words_marked()
    {
        var client = await site.ReadyClient();
        var (_, page) = await client.GetPage(Search("chemotherapy"));

        var item = page.QuerySelectorAll(".search-results__item")
            .First(li => li.QuerySelector("a")?.GetAttribute("href") == "/living-with-treatment/chemotherapy-and-radiotherapy");
        Assert.Contains("Living with treatment", item.QuerySelector(".search-results__section")?.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector(".search-results__description")?.TextContent));
        var marks = item.QuerySelectorAll(".search-results__extract mark");
        Assert.NotEmpty(marks);
        Assert.All(marks, mark => Assert.StartsWith("chemotherap", mark.TextContent, StringComparison.OrdinalIgnoreCase));
        // Only text and marks: nothing from the page's HTML.
        Assert.DoesNotContain(item.QuerySelectorAll(".search-results__extract *"), e => e.LocalName != "mark");
    }

    public static TheoryData<string> Awkward => AwkwardQueries.With("tumour\" OR body:\"x", "NEAR(tumour lump, 1) AND NOT");

    [Theory]
    [MemberData(nameof(Awkward))]
    public async Task Nothing_typed_makes_the_search_page_fail(string query)
    {
        var client = await site.ReadyClient();
        var (response, page) = await client.GetPage(Search(query));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("main form[role=search]"));
    }

    [Fact]
    public async Task A_very_long_search_is_cut_not_refused()
    {
        var client = await site.ReadyClient();
        var (response, page) = await client.GetPage(Search(string.Concat(Enumerable.Repeat("tumour ", 700))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(page.QuerySelector("#search-q")!.GetAttribute("value")!.Length, 1, SearchIndex.MaxQueryLength);
        Assert.NotEmpty(page.QuerySelectorAll(".search-results__item"));
    }

    [Fact]
    public async Task Script_in_the_search_words_is_shown_as_text()
    {
        const string attack = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>";
        var client = await site.ReadyClient();
        var response = await client.GetAsync(new Uri(Search(attack), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal(attack, page.QuerySelector("#search-q")?.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main img"));
    }

    [Fact]
    public async Task Finding_nothing_points_to_the_glossary_and_the_contact_page_and_is_counted_for_editors()
    {
        var client = await site.ReadyClient();
        var (_, page) = await client.GetPage(Search("qzxwv jkjkjk"));

        Assert.Empty(page.QuerySelectorAll(".search-results__item"));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/glossary", links);
        Assert.Contains("/contact", links);

        var misses = new SearchMissLog(Path.Combine(site.DataDirectory, SearchMissLog.FileName));
        await Poll.UntilTrue(() => Task.FromResult(misses.Top(DateOnly.FromDateTime(DateTime.UtcNow), 1, 50).Any(m => m.Query == "qzxwv jkjkjk")),
            TimeSpan.FromSeconds(20), "the search that found nothing was not counted");
    }

    [Fact]
    public async Task The_words_searched_for_are_never_written_to_the_log()
    {
        var client = await site.ReadyClient();
        await client.GetPage(Search("privateword swelling"));
        await client.GetPage(Search("privatewordtwo", "/bn"));

        // The request log names the path, so it would show the words if it wrote the query string.
        Assert.Contains(site.Logs.Lines, line => line.Contains("RequestLoggingMiddleware", StringComparison.Ordinal) && line.Contains("/bn/search", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, line => line.Contains("privateword", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_search_page_is_not_indexed_or_stored_by_caches()
    {
        var client = await site.ReadyClient();
        var (response, page) = await client.GetPage(Search("tumour"));

        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("/search", "Search this site's pages about bone tumours and children's tumour surgery.")]
    [InlineData("/bn/search", "হাড়ের টিউমার ও শিশুদের টিউমারের অপারেশন নিয়ে এই সাইটের পাতাগুলোতে খুঁজুন।")]
    public async Task The_search_page_describes_itself_in_its_language(string url, string description)
    {
        var client = await site.ReadyClient();
        var (_, page) = await client.GetPage(url);

        Assert.Equal(description, page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/en/search?q=tumour")]
    [InlineData("/fr/search?q=tumour")]
    public async Task Search_exists_only_in_the_site_s_languages(string url)
    {
        var (response, _) = await site.CreateClient().GetPage(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_search_straight_after_start_up_waits_for_the_first_index_instead_of_saying_it_is_not_ready()
    {
        // The first build waits a moment after start-up so the first pages do not compete with it;
        // a search that comes first asks for it at once.
        using var fresh = new SearchSite();
        var client = fresh.CreatePlainClient();

        var (response, page) = await client.GetPage(Search("bone cancer"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("starting up", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("/conditions/malignant-bone-tumours", page.QuerySelectorAll(".search-results__title a").Select(a => a.GetAttribute("href")));
    }
}

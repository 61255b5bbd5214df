using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests;

public class ContentPathsTests
{
    private static readonly string[] Languages = ["en", "bn"];

    [Theory]
    [InlineData("index.md", "")]
    [InlineData("bone-tumor-surgery/index.md", "bone-tumor-surgery")]
    [InlineData("bone-tumor-surgery/anaesthesia.md", "bone-tumor-surgery/anaesthesia")]
    [InlineData("Conditions/Giant Cell Tumour.md", "conditions/giant-cell-tumour")]
    public void A_file_becomes_a_lower_case_slug_without_md(string file, string slug) =>
        Assert.Equal(slug, ContentPaths.SlugOf(file));

    [Theory]
    [InlineData("en", "", "/")]
    [InlineData("en", "conditions", "/conditions")]
    [InlineData("bn", "", "/bn")]
    [InlineData("bn", "conditions/benign", "/bn/conditions/benign")]
    public void English_is_served_at_the_root_and_other_languages_under_their_code(string language, string slug, string url) =>
        Assert.Equal(url, ContentPaths.UrlOf(language, slug, "en"));

    [Theory]
    [InlineData(null, "en", "")]
    [InlineData("", "en", "")]
    [InlineData("conditions/benign-bone-tumours", "en", "conditions/benign-bone-tumours")]
    [InlineData("bn", "bn", "")]
    [InlineData("bn/children", "bn", "children")]
    [InlineData("en/children", "en", "en/children")]
    public void A_request_path_splits_into_language_and_slug(string? path, string language, string slug)
    {
        Assert.True(ContentPaths.TryParseRequestPath(path, Languages, "en", out var lang, out var s));
        Assert.Equal(language, lang);
        Assert.Equal(slug, s);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("..\\secrets")]
    [InlineData("etc/passwd%00")]
    [InlineData("C:/Windows")]
    [InlineData("page\0.md")]
    [InlineData("page.md")]
    [InlineData("%2e%2e")]
    [InlineData("Conditions")]
    [InlineData("a//b")]
    public void A_request_path_that_is_not_clean_slugs_is_refused(string path) =>
        Assert.False(ContentPaths.TryParseRequestPath(path, Languages, "en", out _, out _));

    [Theory]
    [InlineData("bone-tumor-surgery/anaesthesia.md", "recovery.md", "bone-tumor-surgery/recovery.md")]
    [InlineData("bone-tumor-surgery/anaesthesia.md", "../conditions/index.md", "conditions/index.md")]
    [InlineData("index.md", "./about.md", "about.md")]
    [InlineData("index.md", "../outside.md", null)]
    public void Relative_targets_resolve_against_the_page_folder(string page, string target, string? expected) =>
        Assert.Equal(expected, ContentPaths.Combine(page, target));
}

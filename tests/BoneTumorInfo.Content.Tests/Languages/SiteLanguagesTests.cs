using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;

namespace BoneTumorInfo.Content.Tests.Languages;

public sealed class SiteLanguagesTests
{
    private static readonly SiteLanguages Site = new(["en-GB", "bn-BD"]);

    [Theory]
    [InlineData("/", "en")]
    [InlineData("/conditions", "en")]
    [InlineData("/bn", "bn")]
    [InlineData("/bn/conditions/benign-bone-tumours", "bn")]
    [InlineData("/bnx/conditions", "en")]
    [InlineData("/en/conditions", "en")]
    [InlineData(null, "en")]
    public void A_path_is_in_the_language_of_its_first_segment(string? path, string expected) =>
        Assert.Equal(expected, Site.OfPath(path).Code);

    [Fact]
    public void Each_language_has_its_culture_and_its_own_name()
    {
        Assert.Equal("en-GB", Site.Get("en").Culture.Name);
        Assert.Equal("bn-BD", Site.Get("bn").Culture.Name);
        Assert.Equal("বাংলা", Site.Get("bn").NativeName);
        Assert.Equal("English", Site.Get("en").NativeName);
    }

    [Theory]
    [InlineData("en", "", "/")]
    [InlineData("en", "contact", "/contact")]
    [InlineData("bn", "", "/bn")]
    [InlineData("bn", "conditions/benign-bone-tumours", "/bn/conditions/benign-bone-tumours")]
    public void Addresses_carry_the_language_prefix_except_for_the_default(string code, string slug, string expected) =>
        Assert.Equal(expected, Site.UrlOf(code, slug));

    [Fact]
    public void Options_without_languages_mean_English_and_Bengali_with_English_at_the_root()
    {
        var languages = SiteLanguages.From(new ContentOptions());

        Assert.Equal(["en", "bn"], languages.Codes);
        Assert.Equal("en", languages.Default.Code);
    }

    [Fact]
    public void A_default_language_that_is_not_listed_is_refused_with_its_name()
    {
        var error = Assert.Throws<ArgumentException>(() => SiteLanguages.From(new ContentOptions { Languages = ["en-GB"], DefaultLanguage = "bn" }));

        Assert.Contains("'bn'", error.Message, StringComparison.Ordinal);
    }
}

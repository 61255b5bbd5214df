using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests;

/// <summary>Bytes matter on slow mobile data: pages carry no needless weight.</summary>
public sealed class PageWeightTests : IDisposable
{
    private readonly TempContentSite _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Bengali_text_is_sent_as_itself_not_as_numeric_character_references()
    {
        const string Title = "হাড়ের টিউমার";
        _site.Write("bn/index.md", TestPages.Page(Title));

        var html = await _site.CreateClient().GetStringAsync(new Uri("/bn", UriKind.Relative));

        Assert.Contains($"<h1>{Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{Title} –", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x9", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_characters_in_a_title_are_still_escaped()
    {
        _site.Write("en/guide.md", TestPages.Page("\"Less <b>than</b> & more\"", order: 1));

        var html = await _site.CreateClient().GetStringAsync(new Uri("/guide", UriKind.Relative));

        Assert.DoesNotContain("<b>than</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;than&lt;/b&gt; &amp; more", html, StringComparison.Ordinal);
    }
}

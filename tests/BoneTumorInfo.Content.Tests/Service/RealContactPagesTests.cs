using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Pages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Content.Tests.Service;

/// <summary>The site's own contact and accessibility pages, rendered with the shipped service.yml.</summary>
public sealed class RealContactPagesTests : IDisposable
{
    private readonly ContentStore _store = new(Options.Create(new ContentOptions { RootPath = RepoPaths.Content }), NullLogger<ContentStore>.Instance);

    public void Dispose() => _store.Dispose();

    private (RenderedPage Page, AngleSharp.Dom.IDocument Html) Render(string language, string slug)
    {
        var page = _store.Render(_store.Index.Find(language, slug)!);
        return (page, new HtmlParser().ParseDocument(page.Html));
    }

    [Theory]
    [InlineData("en", "contact")]
    [InlineData("bn", "contact")]
    [InlineData("en", "accessibility")]
    [InlineData("bn", "accessibility")]
    public void Every_placeholder_is_filled_and_no_braces_show(string language, string slug)
    {
        var (page, html) = Render(language, slug);

        Assert.NotEmpty(page.Placeholders);
        Assert.All(page.Placeholders, p => Assert.Equal(Content.Markdown.Placeholders.PlaceholderStatus.Filled, p.Status));
        Assert.DoesNotContain("{{", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("}}", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "999", "02-55667788", "01700-000000")]
    [InlineData("bn", "৯৯৯", "০২-৫৫৬৬৭৭৮৮", "০১৭০০-০০০০০০")]
    public void The_contact_page_offers_every_line_as_a_tap_to_call_link(string language, string emergency, string appointments, string ward)
    {
        var (_, html) = Render(language, "contact");

        var links = html.QuerySelectorAll("a[href^='tel:']").Select(a => (a.GetAttribute("href"), a.TextContent)).Distinct().ToList();
        Assert.Contains(("tel:999", emergency), links);
        Assert.Contains(("tel:+880255667788", appointments), links);
        Assert.Contains(("tel:+8801700000000", ward), links);
        Assert.NotNull(html.QuerySelector("aside.care-card--emergency a[href='tel:999']"));
        Assert.NotNull(html.QuerySelector("aside.care-card--non-urgent"));
        Assert.NotNull(html.QuerySelector("a.service-map[href^='https://www.openstreetmap.org/']"));
        Assert.NotNull(html.QuerySelector("a.service-email[href^='mailto:']"));
    }
}

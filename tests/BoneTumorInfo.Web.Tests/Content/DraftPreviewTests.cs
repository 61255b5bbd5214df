using System.Net;
using BoneTumorInfo.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>Drafts are for editors: invisible to readers, shown with a banner when preview is on.</summary>
public sealed class DraftPreviewTests : IDisposable
{
    private readonly TempContentSite _site = new();

    public DraftPreviewTests()
    {
        _site.Write("en/guide/index.md", TestPages.Page("Guide", order: 1, extra: "steps: true\n"));
        _site.Write("en/guide/one.md", TestPages.Page("Step one", order: 1));
        _site.Write("en/guide/two.md", TestPages.Page("Step two", order: 2, extra: "draft: true\n", body: "Draft words.\n\n## Same\n\nA.\n\n## Same\n\nB."));
        _site.Write("en/guide/three.md", TestPages.Page("Step three", order: 3));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task With_preview_off_a_draft_is_a_404_and_absent_from_every_list()
    {
        var client = _site.CreateClient();

        var (draft, _) = await client.GetPage("/guide/two");
        var (_, section) = await client.GetPage("/guide");
        var (_, one) = await client.GetPage("/guide/one");

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.DoesNotContain("Step two", section.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/guide/three", one.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task With_preview_on_a_draft_shows_a_banner_and_the_checker_messages_above_it()
    {
        using var preview = _site.WithWebHostBuilder(b => b.UseSetting("Content:Preview", "true"));
        var client = preview.CreateClient();

        var (response, page) = await client.GetPage("/guide/two");
        var (_, one) = await client.GetPage("/guide/one");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var banner = page.QuerySelector(".draft-banner");
        Assert.Contains("Draft: not visible to patients", banner?.TextContent, StringComparison.Ordinal);
        var messages = page.QuerySelector(".preview-messages");
        Assert.NotNull(messages);
        Assert.Contains("the heading 'Same' is used twice", messages.TextContent, StringComparison.Ordinal);
        Assert.True(messages.CompareDocumentPosition(banner!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal("/guide/two", one.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }
}

using AngleSharp.Html.Parser;
using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests.Markdown;

public sealed class NonUrgentCardTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private static RenderedPage Render(string body)
    {
        var entry = new PageEntry("en", "page", "/page", "page.md", "/tmp/page.md", "content/en/page.md", null, []);
        return PageRenderer.Render(entry, TestPages.Page("Page", body: body), "en");
    }

    [Fact]
    public void A_non_urgent_block_is_a_care_card_of_its_own_kind()
    {
        var doc = new HtmlParser().ParseDocument(Render("::: non-urgent\n### Contact your team in working hours if\n- you have a question about your stitches\n:::\n").Html);

        var aside = doc.QuerySelector("aside.care-card.care-card--non-urgent");
        Assert.NotNull(aside);
        Assert.Equal(aside.QuerySelector("h3.care-card__title")?.Id, aside.GetAttribute("aria-labelledby"));
        Assert.Equal("you have a question about your stitches", aside.QuerySelector(".care-card__content li")?.TextContent);
    }

    [Fact]
    public void The_checker_knows_non_urgent_cards_and_still_wants_a_heading_that_says_what_to_do()
    {
        _content.Write("en/good.md", TestPages.Page("Good", body: "## Stitches\n\n::: non-urgent\n### Call your team in working hours if\n- your stitches itch\n:::"))
            .Write("en/bare.md", TestPages.Page("Bare", body: "::: non-urgent\n- your stitches itch\n:::"));

        var report = ContentChecker.CheckFolder(_content.Root, new ContentOptions(), new DateOnly(2026, 11, 23));

        var problem = Assert.Single(report.Diagnostics);
        Assert.Equal("content/en/bare.md", problem.File);
        Assert.False(problem.IsError);
        Assert.Equal("the non-urgent box has no heading: start it with a heading that says what to do, like '### Contact your team in working hours if'", problem.Message);
    }
}

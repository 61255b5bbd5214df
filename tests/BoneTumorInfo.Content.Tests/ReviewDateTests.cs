using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace BoneTumorInfo.Content.Tests;

/// <summary>Review dates checked against a fixed clock: TestPages' pages are due on 1 November 2027.</summary>
public sealed class ReviewDateTests : IDisposable
{
    private static readonly DateOnly Due = new(2027, 11, 1);

    private readonly TempContent _content = new();

    public ReviewDateTests() => _content.Write("en/page.md", TestPages.Page("Page"));

    public void Dispose() => _content.Dispose();

    private List<ContentDiagnostic> CheckOn(DateOnly today)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        return ContentChecker.CheckFolder(_content.Root, new ContentOptions(), clock).Diagnostics.ToList();
    }

    [Fact]
    public void A_review_not_yet_near_is_not_mentioned()
    {
        Assert.Empty(CheckOn(Due.AddDays(-31)));
    }

    [Fact]
    public void A_review_overdue_by_up_to_90_days_is_a_warning()
    {
        var problem = Assert.Single(CheckOn(Due.AddDays(90)));

        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Equal(6, problem.Line);
        Assert.Equal("the review was due on 1 November 2027: check the page, then update last_reviewed and next_review_due", problem.Message);
    }

    [Fact]
    public void A_review_overdue_by_more_than_90_days_is_an_error()
    {
        var problem = Assert.Single(CheckOn(Due.AddDays(91)));

        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Equal(6, problem.Line);
        Assert.StartsWith("the review was due on 1 November 2027, more than 90 days ago", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_can_say_whether_it_is_overdue_today()
    {
        var page = Content.Pages.PageIndex.Build(_content.Root, new ContentOptions(), includeDrafts: false).Find("en", "page")!.FrontMatter!;

        Assert.False(page.IsOverdue(Due));
        Assert.True(page.IsOverdue(Due.AddDays(1)));
        Assert.Equal(0, page.DaysOverdue(Due.AddDays(-5)));
        Assert.Equal(12, page.DaysOverdue(Due.AddDays(12)));
    }
}

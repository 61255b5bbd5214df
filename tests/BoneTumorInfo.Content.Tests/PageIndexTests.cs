using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests;

public sealed class PageIndexTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private PageIndex Build(bool drafts = false) => PageIndex.Build(_content.Root, new ContentOptions(), drafts);

    private void WriteSite()
    {
        _content
            .Write("en/index.md", TestPages.Page("Home"))
            .Write("en/about.md", TestPages.Page("About", order: 9))
            .Write("en/surgery/index.md", TestPages.Page("Surgery", order: 1, extra: "steps: true\n"))
            .Write("en/surgery/second.md", TestPages.Page("Second step", order: 2))
            .Write("en/surgery/first.md", TestPages.Page("First step", order: 1))
            .Write("en/surgery/third.md", TestPages.Page("Third step", order: 3))
            .Write("en/conditions/index.md", TestPages.Page("Conditions", order: 2))
            .Write("en/conditions/benign.md", TestPages.Page("Benign", order: 1))
            .Write("en/conditions/secret.md", TestPages.Page("Secret", order: 2, extra: "draft: true\n"))
            .Write("bn/index.md", TestPages.Page("হোম"));
    }

    [Fact]
    public void The_sections_are_the_pages_under_home_in_order()
    {
        WriteSite();

        Assert.Equal(["Surgery", "Conditions", "About"], Build().Sections("en").Select(p => p.Title));
    }

    [Fact]
    public void Steps_link_to_the_page_before_and_after()
    {
        WriteSite();
        var index = Build();

        var second = index.Find("en", "surgery/second")!;
        var (previous, next) = index.PreviousNext(second);
        Assert.Equal("First step", previous?.Title);
        Assert.Equal("Third step", next?.Title);

        var (overviewPrevious, overviewNext) = index.PreviousNext(index.Find("en", "surgery")!);
        Assert.Null(overviewPrevious);
        Assert.Equal("First step", overviewNext?.Title);

        var (_, last) = index.PreviousNext(index.Find("en", "surgery/third")!);
        Assert.Null(last);
    }

    [Fact]
    public void Sections_without_steps_have_no_previous_or_next()
    {
        WriteSite();
        var index = Build();

        Assert.Equal((null, null), index.PreviousNext(index.Find("en", "conditions/benign")!));
    }

    [Fact]
    public void Breadcrumbs_run_from_home_to_the_parent()
    {
        WriteSite();
        var index = Build();

        Assert.Equal(["Home", "Surgery"], index.Breadcrumbs(index.Find("en", "surgery/first")!).Select(p => p.Title));
        Assert.Empty(index.Breadcrumbs(index.Find("en", "")!));
    }

    [Fact]
    public void Drafts_are_hidden_unless_previewing()
    {
        WriteSite();

        var live = Build();
        Assert.Null(live.Find("en", "conditions/secret"));
        Assert.DoesNotContain(live.ChildrenOf(live.Find("en", "conditions")!), p => p.Title == "Secret");

        var preview = Build(drafts: true);
        Assert.NotNull(preview.Find("en", "conditions/secret"));
        Assert.Contains(preview.ChildrenOf(preview.Find("en", "conditions")!), p => p.Title == "Secret");
    }

    [Fact]
    public void A_broken_page_is_indexed_with_its_problem_and_left_out_of_navigation()
    {
        WriteSite();
        _content.Write("en/conditions/broken.md", "---\ntitle: Broken\ncolour: red\n---\nText");
        var index = Build();

        var broken = index.Find("en", "conditions/broken");
        Assert.NotNull(broken);
        Assert.True(broken.IsBroken);
        Assert.Contains(index.Diagnostics, d => d.File == "content/en/conditions/broken.md" && d.Line == 3 && d.Message.Contains("colour", StringComparison.Ordinal));
        Assert.DoesNotContain(index.ChildrenOf(index.Find("en", "conditions")!), p => p.Slug == "conditions/broken");
        Assert.False(index.Find("en", "conditions/benign")!.IsBroken);
    }

    [Theory]
    [InlineData("---\ntitle: Secret\ndraft: true\ncolour: red\n---\nText")]
    [InlineData("---\ntitle: Secret\n  draft:   True   # not ready\nnext_review_due: someday\n---\nText")]
    [InlineData("---\ntitle: [Secret\ndraft: yes\n---\nText")]
    [InlineData("---\ntitle: Secret\ndraft: \"true\"\nText with no closing line")]
    public void A_draft_with_broken_front_matter_is_still_a_draft_so_readers_get_404(string text)
    {
        WriteSite();
        _content.Write("en/conditions/secret-broken.md", text);

        Assert.Null(Build().Find("en", "conditions/secret-broken"));
        var preview = Build(drafts: true).Find("en", "conditions/secret-broken");
        Assert.NotNull(preview);
        Assert.True(preview.IsBroken);
        Assert.True(preview.IsDraft);
    }

    [Fact]
    public void A_broken_page_that_does_not_say_draft_true_is_not_taken_for_a_draft()
    {
        WriteSite();
        _content.Write("en/conditions/broken.md", "---\ntitle: Broken\ndraft: false\ncolour: red\n---\nText\n\ndraft: true\n");

        var entry = Build().Find("en", "conditions/broken");
        Assert.NotNull(entry);
        Assert.False(entry.IsDraft);
    }

    [Fact]
    public void Two_files_with_one_address_are_reported()
    {
        WriteSite();
        _content.Write("en/about/index.md", TestPages.Page("About again"));

        Assert.Contains(Build().Diagnostics, d => d.Message.Contains("same address (/about)", StringComparison.Ordinal));
    }

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_page_saved_in_any_unicode_encoding_is_read(string encoding)
    {
        var text = TestPages.Page("শুরু Start");
        var bytes = encoding switch
        {
            "utf-8" => System.Text.Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. System.Text.Encoding.BigEndianUnicode.GetPreamble(), .. System.Text.Encoding.BigEndianUnicode.GetBytes(text)],
            _ => [.. System.Text.Encoding.UTF32.GetPreamble(), .. System.Text.Encoding.UTF32.GetBytes(text)],
        };
        _content.Write("en/index.md", TestPages.Page("Home"));
        File.WriteAllBytes(Path.Combine(_content.Root, "en", "start.md"), bytes);

        var page = Build().Find("en", "start");

        Assert.NotNull(page);
        Assert.Empty(page.Diagnostics);
        Assert.Equal("শুরু Start", page.Title);
    }

    [Fact]
    public void A_page_over_the_size_limit_is_named_with_its_size_and_not_read()
    {
        _content.Write("en/index.md", TestPages.Page("Home"))
            .Write("en/huge.md", TestPages.Page("Huge", body: new string('a', (int)PageLimits.MaxFileBytes)));

        var page = Build().Find("en", "huge");

        Assert.NotNull(page);
        Assert.True(page.IsBroken);
        Assert.Contains("a page can be at most 512 KB", Assert.Single(page.Diagnostics).Message, StringComparison.Ordinal);
    }
}

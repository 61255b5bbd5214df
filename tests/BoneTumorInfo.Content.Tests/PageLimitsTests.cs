using System.Diagnostics;
using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Content.Tests;

/// <summary>
/// Pages far past anything an editor writes (thousands of nested lists, quotes, links, emphasis
/// or care cards; a huge file) must not take minutes and hundreds of megabytes to fail: they
/// are refused up front as a content error, for that page only.
/// </summary>
public sealed class PageLimitsTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private const int Deep = 3000;

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    public static TheoryData<string, string, int> DeepBodies => new()
    {
        // name, body, the line (in the file) the error must point at
        { "quotes", new string('>', Deep) + " deep", 10 },
        { "quotes with spaces", Repeat("> ", Deep) + "deep", 10 },
        { "lists on one line", Repeat("- ", Deep) + "deep", 10 },
        { "numbered lists on one line", Repeat("1. ", Deep) + "deep", 10 },
        { "indented lists", string.Join('\n', Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item")), 10 + 32 },
        { "links", new string('[', Deep) + "deep" + Repeat("](other.md)", Deep), 10 },
        { "emphasis", new string('*', Deep) + "deep" + new string('*', Deep), 10 },
        { "alternating emphasis", Repeat("*a _", Deep) + "deep" + Repeat("_ a*", Deep), 10 },
        { "emphasis over many lines", string.Join('\n', Enumerable.Range(0, Deep).Select(i => i % 2 == 0 ? "*a" : "_b")) + "\nend", 10 + 64 },
        { "care cards", Repeat("::: urgent\n", Deep) + "deep\n" + Repeat(":::\n", Deep), 10 + 32 },
    };

    [Theory]
    [MemberData(nameof(DeepBodies))]
    public void A_page_nested_far_too_deeply_is_refused_quickly_as_a_content_error_for_that_page_only(string name, string body, int line)
    {
        _content
            .Write("en/index.md", TestPages.Page("Home"))
            .Write("en/deep.md", TestPages.Page("Deep", body: body));
        var clock = Stopwatch.StartNew();

        var index = PageIndex.Build(_content.Root, new ContentOptions(), includeDrafts: true);
        var report = ContentChecker.CheckFolder(_content.Root, new ContentOptions(), new DateOnly(2026, 11, 23));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{name}: took {clock.Elapsed}");
        var deep = index.Find("en", "deep")!;
        Assert.True(deep.IsBroken, name);
        Assert.False(index.Find("en", "")!.IsBroken);
        Assert.NotNull(index.Render(index.Find("en", "")!));
        var problem = Assert.Single(report.Diagnostics, d => d.File == "content/en/deep.md");
        Assert.True(problem.IsError);
        Assert.Contains("nested", problem.Message, StringComparison.Ordinal);
        Assert.True(line == problem.Line, $"{name}: {problem}");
    }

    [Fact]
    public void A_file_too_large_to_be_a_page_is_refused_without_reading_it_all()
    {
        _content
            .Write("en/index.md", TestPages.Page("Home"))
            .Write("en/huge.md", TestPages.Page("Huge", body: Repeat("Plain words in a line. ", 40_000)));

        var index = PageIndex.Build(_content.Root, new ContentOptions(), includeDrafts: true);

        Assert.True(index.Find("en", "huge")!.IsBroken);
        Assert.Contains(index.Diagnostics, d => d.File == "content/en/huge.md" && d.IsError && d.Message.Contains("KB", StringComparison.Ordinal));
        Assert.False(index.Find("en", "")!.IsBroken);
    }

    [Fact]
    public void Ordinary_nesting_as_real_pages_use_it_is_allowed()
    {
        var body = """
            > A quote with a list:
            > - one **bold [link](index.md)** item
            >   - a nested item with *emphasis*
            >     1. a numbered step

            ::: urgent
            ### Call today if
            - you have a fever of 38°C / 100.4°F or more
            :::
            """;
        _content
            .Write("en/index.md", TestPages.Page("Home"))
            .Write("en/normal.md", TestPages.Page("Normal", body: body));

        var index = PageIndex.Build(_content.Root, new ContentOptions(), includeDrafts: true);

        Assert.False(index.Find("en", "normal")!.IsBroken, string.Join('\n', index.Diagnostics));
    }
}

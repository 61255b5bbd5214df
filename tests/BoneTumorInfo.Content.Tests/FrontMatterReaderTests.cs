using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.FrontMatter;

namespace BoneTumorInfo.Content.Tests;

public class FrontMatterReaderTests
{
    private const string Valid = """
        ---
        title: Anaesthesia
        description: How you are kept asleep.
        order: 2
        last_reviewed: 2026-11-01
        next_review_due: 2027-11-01
        reviewed_by: Consultant anaesthetist
        ---
        Body.
        """;

    private static (PageFrontMatter? Result, List<ContentDiagnostic> Problems) Read(string text)
    {
        var problems = new List<ContentDiagnostic>();
        return (FrontMatterReader.Read(text.ReplaceLineEndings("\n"), "content/en/page.md", problems), problems);
    }

    [Fact]
    public void A_complete_block_becomes_a_typed_record()
    {
        var (result, problems) = Read(Valid);

        Assert.Empty(problems);
        Assert.NotNull(result);
        Assert.Equal("Anaesthesia", result.Title);
        Assert.Equal(2, result.Order);
        Assert.Equal(new DateOnly(2026, 11, 1), result.LastReviewed);
        Assert.Equal(new DateOnly(2027, 11, 1), result.NextReviewDue);
        Assert.Equal("Consultant anaesthetist", result.ReviewedBy);
        Assert.False(result.Draft);
    }

    [Fact]
    public void An_unclosed_bracket_that_trips_the_yaml_scanner_is_a_front_matter_error_not_a_crash()
    {
        var (result, problems) = Read("---\ntitle: [Secret\ndraft: yes\n---\nText");

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_front_matter_keeps_the_line_of_each_key_it_read()
    {
        var (result, _) = Read(Valid);

        Assert.NotNull(result);
        Assert.Equal(2, result.LineOf("title"));
        Assert.Equal(6, result.LineOf("next_review_due"));
        Assert.Equal(1, result.LineOf("draft"));
    }

    [Theory]
    [InlineData("order: 2", "order: two", 4, "'order' must be a whole number")]
    [InlineData("order: 2", "colour: blue", 4, "unknown front-matter key 'colour'")]
    [InlineData("order: 2", "Last-Reviewed: 2026-01-01", 4, "did you mean 'last_reviewed'?")]
    [InlineData("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30", 5, "'2026-02-30' is not a real date")]
    [InlineData("last_reviewed: 2026-11-01", "last_reviewed: 1 Nov 2026", 5, "is not written as YYYY-MM-DD")]
    [InlineData("next_review_due: 2027-11-01", "next_review_due: 2025-11-01", 6, "'next_review_due' must be after 'last_reviewed'")]
    [InlineData("reviewed_by: Consultant anaesthetist", "reviewed_by:", 7, "'reviewed_by' must be a role")]
    [InlineData("title: Anaesthesia", "title: [a, b]", 2, "'title' must be text")]
    [InlineData("order: 2", "order: 2\norder: 3", 5, "'order' is written twice")]
    public void A_faulty_key_is_an_error_at_its_own_line(string find, string replace, int line, string message)
    {
        var (result, problems) = Read(Valid.Replace(find, replace, StringComparison.Ordinal));

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.Equal("content/en/page.md", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"content/en/page.md:{line}:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_key_is_named()
    {
        var (result, problems) = Read(Valid.Replace("description: How you are kept asleep.\n", "", StringComparison.Ordinal));

        Assert.Null(result);
        Assert.Contains("missing 'description'", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Body with no front matter.", 1, "must start with front matter")]
    [InlineData("---\ntitle: x\n", 1, "no closing line")]
    [InlineData("---\ntitle: [unclosed\n---\n", 3, "not valid YAML")]
    public void A_missing_or_unreadable_block_is_explained(string text, int line, string message)
    {
        var (result, problems) = Read(text);

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: a\n---\nBody\n---\nmore", "title: a")]
    [InlineData("---\r\ntitle: a\r\nx: b\r\n---\r\nBody", "title: a\r\nx: b\r")]
    [InlineData("--- \t\ntitle: a\n...\nBody", "title: a")]
    [InlineData("---\n---\nBody", "")]
    [InlineData("---\ntitle: a\n---", "title: a")]
    public void The_block_is_the_lines_between_the_first_two_dash_lines(string text, string yaml)
    {
        var block = FrontMatterReader.FindBlock(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(yaml, block?.Yaml);
    }

    [Theory]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\ntitle: a\n--\n")]
    [InlineData("----\ntitle: a\n---\n")]
    [InlineData("")]
    public void A_block_that_does_not_open_or_close_has_no_yaml(string text)
    {
        Assert.Null(FrontMatterReader.FindBlock(text, out var problem));
        Assert.NotNull(problem);
    }
}

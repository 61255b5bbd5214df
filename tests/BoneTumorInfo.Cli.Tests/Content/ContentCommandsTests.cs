using System.Text.Json;

namespace BoneTumorInfo.Cli.Tests.Content;

/// <summary>The staff command line as an editor runs it.</summary>
public class ContentCommandsTests
{
    private static readonly string Fixture = RepoPaths.FaultyContent;

    [Fact]
    public async Task Check_prints_compiler_style_messages_and_a_summary_and_fails_on_errors()
    {
        var (exit, output, _) = await BtiRunner.Bti("content", "check", Fixture);

        Assert.Equal(1, exit);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.EndsWith("/en/broken-link.md:12:5: error: the link 'missing-page.md' leads to a page that does not exist (en/missing-page.md)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/en/review-overdue.md:6:1: warning: the review was due on 1 October 2026", StringComparison.Ordinal));
        Assert.Matches(@"^\d+ pages checked: 12 errors, \d+ warnings$", lines[^1]);
    }

    [Fact]
    public async Task Check_can_print_json_for_other_tools()
    {
        var (exit, output, _) = await BtiRunner.Bti("content", "check", Fixture, "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(12, json.RootElement.GetProperty("errors").GetInt32());
        var first = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .First(d => d.GetProperty("file").GetString()!.EndsWith("en/broken-anchor.md", StringComparison.Ordinal));
        Assert.Equal(12, first.GetProperty("line").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task The_real_content_passes_the_check()
    {
        var (exit, output, _) = await BtiRunner.Bti("content", "check", RepoPaths.Content);

        Assert.True(exit == 0, output);
        Assert.Matches(@"pages checked: 0 errors", output);
    }

    [Fact]
    public async Task A_folder_that_does_not_exist_gets_a_plain_message()
    {
        var (exit, _, errors) = await BtiRunner.Bti("content", "check", "/no/such/folder");

        Assert.Equal(2, exit);
        Assert.Contains("'/no/such/folder' does not exist", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readability_prints_the_english_grade_for_english_pages_and_the_bengali_measures_for_bengali_pages()
    {
        var (exit, output, _) = await BtiRunner.Bti("content", "readability", RepoPaths.Content);

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Matches(@"^page\s+words\s+sentences\s+grade$", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"en/bone-tumor-surgery/anaesthesia\.md\s+\d+\s+\d+\s+\d\.\d$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d+ English pages; highest grade [0-8]\.\d$"));

        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^page\s+words\s+sentences\s+words/sentence\s+aksharas/word\s+long words\s+juktakkhor\s+plain\?$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"bn/bone-tumor-surgery/anaesthesia\.md\s+\d+\s+\d+\s+\d+\.\d\s+\d\.\d\d\s+\d+ %\s+\d+ %\s+(yes|no)$"));
        Assert.DoesNotContain(lines, l => l.Contains("/bn/", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @"\s\d+\.\d$"));
        Assert.Matches(@"^\d+ Bengali pages; \d+ over the plain-text limits", lines[^1]);
    }
}

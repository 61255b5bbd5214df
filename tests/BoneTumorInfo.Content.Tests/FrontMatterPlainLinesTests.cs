using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.FrontMatter;

namespace BoneTumorInfo.Content.Tests;

/// <summary>
/// Front matter made of plain "key: text" lines is read without YamlDotNet. What it reads, and
/// every message about it, must be exactly what YamlDotNet's reading gives.
/// </summary>
public sealed class FrontMatterPlainLinesTests
{
    private const string Top = "---\ntitle: Anaesthesia\ndescription: How you are kept asleep.\norder: 2\nlast_reviewed: 2026-11-01\nnext_review_due: 2027-11-01\nreviewed_by: Consultant anaesthetist\n";

    public static TheoryData<string> Blocks() =>
    [
        Top + "---\nBody.",
        Top.Replace("\n", "\r\n", StringComparison.Ordinal) + "---\r\nBody.",
        Top + "draft: true\nsteps: yes\n---\n",
        Top + "order: 3\n---\n",
        Top.Replace("Anaesthesia", "অ্যানেস্থেসিয়া: কী হয়", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "অ্যানেস্থেসিয়া (অজ্ঞান করা)", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "'Quoted: title'", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "\"Double\"", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "Anaesthesia # a comment", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "Anaesthesia#1", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "[a, b]", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "a, b [c] {d}", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "~", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "null", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "- a list item", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "Ends with a colon:", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "Two  spaces   inside   and after   ", StringComparison.Ordinal) + "---\n",
        Top.Replace("Anaesthesia", "Tab\there", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "title:   Spaced out", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "title:", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "title:Anaesthesia", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "Title: Anaesthesia", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "title: Anaesthesia\n  continued", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "title: Anaesthesia\n\n", StringComparison.Ordinal) + "---\n",
        Top.Replace("title: Anaesthesia", "# a comment line\ntitle: Anaesthesia", StringComparison.Ordinal) + "---\n",
        Top.Replace("order: 2", "order: two", StringComparison.Ordinal) + "---\n",
        Top.Replace("order: 2", "order: -4", StringComparison.Ordinal) + "---\n",
        Top.Replace("order: 2", "colour: blue", StringComparison.Ordinal) + "---\n",
        Top.Replace("order: 2", "last-reviewed: 2026-01-01", StringComparison.Ordinal) + "---\n",
        Top.Replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-02-30", StringComparison.Ordinal) + "---\n",
        Top.Replace("last_reviewed: 2026-11-01", "last_reviewed:    1 Nov 2026", StringComparison.Ordinal) + "---\n",
        Top.Replace("next_review_due: 2027-11-01", "next_review_due: 2025-11-01", StringComparison.Ordinal) + "---\n",
        Top.Replace("reviewed_by: Consultant anaesthetist", "", StringComparison.Ordinal) + "---\n",
        Top + "draft: maybe\n---\n",
        "---\n---\nBody.",
        "---\njust some text\n---\n",
    ];

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Plain_lines_read_as_YamlDotNet_reads_them(string text) => AssertSameReading(text);

    [Fact]
    public void Every_page_in_the_content_folder_reads_the_same_both_ways_and_its_front_matter_is_plain_lines()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "README.md").ToList();
        Assert.True(files.Count > 50, $"only {files.Count} pages found");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            AssertSameReading(text);
            // The fast reading is the one the pages get: otherwise it saves nothing.
            Assert.True(FrontMatterReader.PlainLines(FrontMatterReader.FindBlock(text, out _)!.Yaml) is not null, $"{file} is not read as plain lines");
        }
    }

    [Fact]
    public void The_faulty_fixture_pages_read_the_same_both_ways()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.FaultyContent, "*.md", SearchOption.AllDirectories))
        {
            AssertSameReading(File.ReadAllText(file));
        }
    }

    private static void AssertSameReading(string text)
    {
        var fastProblems = new List<ContentDiagnostic>();
        var yamlProblems = new List<ContentDiagnostic>();
        var fast = FrontMatterReader.Read(text, "content/en/page.md", fastProblems, allowPlainLines: true);
        var yaml = FrontMatterReader.Read(text, "content/en/page.md", yamlProblems, allowPlainLines: false);

        Assert.Equal(yamlProblems.Select(Describe), fastProblems.Select(Describe));
        Assert.Equal(yaml is null, fast is null);
        if (yaml is null || fast is null) return;
        Assert.Equal(yaml with { KeyLines = new Dictionary<string, int>() }, fast with { KeyLines = new Dictionary<string, int>() }, new FrontMatterValues());
        Assert.Equal(yaml.KeyLines.OrderBy(k => k.Key, StringComparer.Ordinal), fast.KeyLines.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    private static string Describe(ContentDiagnostic d) => $"{d.File}:{d.Line}:{d.Column} {d.Severity} {d.Message}";

    /// <summary>Every value but the key lines (a dictionary, compared on its own).</summary>
    private sealed class FrontMatterValues : IEqualityComparer<PageFrontMatter>
    {
        public bool Equals(PageFrontMatter? x, PageFrontMatter? y) =>
            x is not null && y is not null && x.Title == y.Title && x.Description == y.Description && x.Order == y.Order
            && x.LastReviewed == y.LastReviewed && x.NextReviewDue == y.NextReviewDue && x.ReviewedBy == y.ReviewedBy
            && x.Draft == y.Draft && x.Steps == y.Steps;

        public int GetHashCode(PageFrontMatter obj) => obj.Title.GetHashCode(StringComparison.Ordinal);
    }
}

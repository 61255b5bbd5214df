using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Diagnostics;

namespace BoneTumorInfo.Content.Tests;

public class ContentCheckerTests
{
    private static readonly string Fixture = RepoPaths.FaultyContent;

    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Each fixture page holds one planted fault; this is the whole list, in file order.</summary>
    private static readonly (string File, int Line, DiagnosticSeverity Severity, string Message)[] Planted =
    [
        ("bn/hard-to-read.md", 1, DiagnosticSeverity.Warning, "the Bengali text is not plain: 17.0 words per sentence (limit 12); shorten these sentences first"),
        ("en/broken-anchor.md", 12, DiagnosticSeverity.Error, "points to '#no-such-heading'"),
        ("en/broken-link.md", 12, DiagnosticSeverity.Error, "leads to a page that does not exist (en/missing-page.md)"),
        ("en/card-without-heading.md", 12, DiagnosticSeverity.Warning, "the urgent box has no heading"),
        ("en/duplicate-heading.md", 16, DiagnosticSeverity.Error, "the heading 'What happens' is used twice on this page (first on line 12)"),
        ("en/english-only.md", 1, DiagnosticSeverity.Warning, "there is no bn version of this page"),
        ("en/glossary.yml", 5, DiagnosticSeverity.Error, "'biopsy' is already in the glossary (line 1)"),
        ("en/hard-to-read.md", 1, DiagnosticSeverity.Warning, "reading grade 40.0 is above 8.0; shorten these sentences first: \"Comprehensive"),
        ("en/impossible-date.md", 5, DiagnosticSeverity.Error, "'2026-02-30' is not a real date"),
        ("en/missing-image.md", 12, DiagnosticSeverity.Error, "the image 'images/missing.png' is not there"),
        ("en/mistyped-key.md", 4, DiagnosticSeverity.Error, "'order' must be a whole number"),
        ("en/no-alt-text.md", 12, DiagnosticSeverity.Error, "has no alt text"),
        ("en/no-front-matter.md", 1, DiagnosticSeverity.Error, "the page must start with front matter"),
        ("en/review-overdue.md", 6, DiagnosticSeverity.Warning, "the review was due on 1 October 2026"),
        ("en/review-soon.md", 6, DiagnosticSeverity.Warning, "the review is due on 10 December 2026, in 17 days"),
        ("en/skipped-level.md", 16, DiagnosticSeverity.Error, "skips a level (#### after ##)"),
        ("en/unknown-box.md", 12, DiagnosticSeverity.Error, "'::: sparkly' is not a kind of box"),
        ("en/unknown-key.md", 8, DiagnosticSeverity.Error, "unknown front-matter key 'colour'"),
    ];

    [Fact]
    public void The_checker_finds_every_planted_fault_at_its_line_and_nothing_else()
    {
        var report = ContentChecker.CheckFolder(Fixture, new ContentOptions(), Today, "fixture");

        var found = report.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.True(Planted.Length == report.Diagnostics.Count, "Found:\n" + string.Join('\n', found));
        for (var i = 0; i < Planted.Length; i++)
        {
            var (file, line, severity, message) = Planted[i];
            var diagnostic = report.Diagnostics[i];
            Assert.Equal($"fixture/{file}", diagnostic.File);
            Assert.Equal(line, diagnostic.Line);
            Assert.Equal(severity, diagnostic.Severity);
            Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        }

        Assert.Equal(12, report.Errors);
        Assert.Equal(6, report.Warnings);
    }

    [Fact]
    public void A_page_with_a_front_matter_error_still_has_its_body_checked_as_a_compiler_would()
    {
        using var content = new TempContent();
        content
            .Write("en/index.md", TestPages.Page("Home"))
            .Write("en/broken.md", "---\ndescription: No title.\nlast_reviewed: 2026-11-01\nnext_review_due: 2027-11-01\nreviewed_by: Nurse\n---\n\nSee [the missing page](missing.md).\n");

        var report = ContentChecker.CheckFolder(content.Root, new ContentOptions(), Today);

        var found = report.Diagnostics.Where(d => d.File == "content/en/broken.md").ToList();
        Assert.Contains(found, d => d.IsError && d.Line == 2 && d.Message.Contains("missing 'title'", StringComparison.Ordinal));
        Assert.Contains(found, d => d.IsError && d.Line == 8 && d.Message.Contains("leads to a page that does not exist", StringComparison.Ordinal));
        Assert.Equal(2, found.Count);

        var index = Pages.PageIndex.Build(content.Root, new ContentOptions(), includeDrafts: true);
        var onePage = new ContentChecker(index, entry => index.Render(entry), Today).CheckPage(index.FindFile("en/broken.md")!);
        Assert.Equal(found.Select(d => d.ToString()), onePage.Select(d => d.ToString()));
    }

    [Fact]
    public void The_sites_own_content_has_no_errors()
    {
        var report = ContentChecker.CheckFolder(RepoPaths.Content, new ContentOptions(), DateOnly.FromDateTime(DateTime.Today));

        Assert.True(report.Errors == 0, string.Join('\n', report.Diagnostics.Where(d => d.IsError)));
        Assert.True(report.PageCount >= 20);
    }

    [Fact]
    public void The_editors_guide_explains_every_front_matter_key_the_site_accepts()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Content, "README.md"));

        foreach (var key in FrontMatter.FrontMatterReader.Keys.Keys)
        {
            Assert.Contains($"`{key}`", guide, StringComparison.Ordinal);
        }
    }
}

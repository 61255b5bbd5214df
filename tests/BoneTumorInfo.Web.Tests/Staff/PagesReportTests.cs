using System.Globalization;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class PagesReportTests : IDisposable
{
    private readonly string _content = Path.Combine(Path.GetTempPath(), "bti-staff-content-" + Guid.NewGuid().ToString("N"), "content");

    public PagesReportTests()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        Write("en/index.md", Page("Home", today.AddDays(200)));
        Write("bn/index.md", Page("হোম", today.AddDays(200), body: "এটি একটি ছোট পাতা। এখানে সহজ কথা আছে।"));
        Write("en/overdue.md", Page("Overdue page", today.AddDays(-40)));
        Write("bn/overdue.md", Page("পুরনো পাতা", today.AddDays(-40), body: "এটি একটি ছোট পাতা।"));
        Write("en/soon.md", Page("Soon page", today.AddDays(10), body: "Some plain words.\n\nSee [the missing page](missing.md)."));
        Write("bn/soon.md", Page("শীঘ্র পাতা", today.AddDays(10), body: "এটি একটি ছোট পাতা।"));
        Write("en/english-only.md", Page("English only", today.AddDays(300)));
        Write("en/draft.md", Page("Draft page", today.AddDays(250), extra: "draft: true\n"));
        Write("bn/draft.md", Page("খসড়া পাতা", today.AddDays(250), body: "এটি একটি ছোট পাতা।", extra: "draft: true\n"));
    }

    private static string Page(string title, DateOnly due, string body = "Some plain words. They are short.", string extra = "") =>
        $"---\ntitle: {title}\ndescription: About {title}.\norder: 1\nlast_reviewed: {due.AddYears(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n" +
        $"next_review_due: {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\nreviewed_by: Clinical nurse specialist\n{extra}---\n\n{body}\n";

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_content, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static List<string[]> Rows(StaffPage page) =>
        page.Document.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => StaffBrowser.Squash(c.TextContent)).ToArray()).ToList();

    [Fact]
    public async Task Editors_see_every_page_with_review_date_reading_level_translation_and_the_checkers_messages_overdue_first()
    {
        using var site = new StaffSite(new() { ["Content:RootPath"] = _content });
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = await site.SignedIn("kamal@example.org");
        var page = await browser.Get("/staff/pages");

        Assert.Contains("9 pages checked: 1 error", page.Main, StringComparison.Ordinal);
        var rows = Rows(page);
        Assert.Equal(9, rows.Count);
        // Overdue first (both languages), then due soon, then the rest by date.
        Assert.StartsWith("Overdue by 40 days", rows[0][1], StringComparison.Ordinal);
        Assert.StartsWith("Overdue by 40 days", rows[1][1], StringComparison.Ordinal);
        Assert.StartsWith("Due soon", rows[2][1], StringComparison.Ordinal);
        Assert.StartsWith("Due soon", rows[3][1], StringComparison.Ordinal);

        var soon = rows.Single(r => r[0].Contains("content/en/soon.md", StringComparison.Ordinal));
        Assert.Matches(@"^Grade -?[0-9]+\.[0-9] \(limit 8\)$", soon[2]);
        Assert.Equal("Complete", soon[3]);
        Assert.Contains("Warning line 6: the review is due on", soon[4], StringComparison.Ordinal);
        Assert.Contains("Error line 12: the link 'missing.md' leads to a page that does not exist", soon[4], StringComparison.Ordinal);
        Assert.Contains("missing.md", soon[4], StringComparison.Ordinal);

        var bengali = rows.Single(r => r[0].Contains("content/bn/soon.md", StringComparison.Ordinal));
        Assert.StartsWith("Bengali: ", bengali[2], StringComparison.Ordinal);
        Assert.Contains("aksharas per word", bengali[2], StringComparison.Ordinal);

        var englishOnly = rows.Single(r => r[0].Contains("content/en/english-only.md", StringComparison.Ordinal));
        // Named as the culture names itself in English (ICU says "Bangla").
        Assert.Equal("Missing in Bangla", englishOnly[3]);

        // Preview is off: the draft is marked and not linked, and the page says why.
        Assert.Contains("Preview is off on this site", page.Main, StringComparison.Ordinal);
        var draft = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("content/en/draft.md", StringComparison.Ordinal));
        Assert.Null(draft.QuerySelector("a"));
        Assert.Contains("Draft (preview is off)", draft.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_preview_on_drafts_link_to_their_preview()
    {
        using var site = new StaffSite(new() { ["Content:RootPath"] = _content, ["Content:Preview"] = "true" });
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "editor");
        var browser = await site.SignedIn("kamal@example.org");
        var page = await browser.Get("/staff/pages");
        Assert.DoesNotContain("Preview is off", page.Main, StringComparison.Ordinal);
        var draft = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("content/en/draft.md", StringComparison.Ordinal));
        Assert.Equal("/draft", draft.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.Get("/draft")).Status);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(_content)!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

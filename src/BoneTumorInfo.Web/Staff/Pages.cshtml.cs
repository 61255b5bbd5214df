using System.Globalization;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Web.Staff;

/// <summary>One page in the editors' report.</summary>
public sealed record PageRow(
    string Title, string File, string? Url, bool IsDraft, DateOnly? Due, string Review, string Reading,
    IReadOnlyList<string> MissingIn, IReadOnlyList<ContentDiagnostic> Messages);

/// <summary>
/// The editors' view of the pages: the same checker as <c>bti content check</c> (drafts
/// included), each page's review date, its reading level (English grade, Bengali measures),
/// missing translations and its messages with their lines.
/// </summary>
public sealed class PagesReportModel(ContentStore store, TimeProvider clock) : StaffPageModel
{
    /// <summary>How the files are named in messages, as the command line names them.</summary>
    private const string DisplayRoot = "content";

    public override string PageTitle => "State of the pages";

    public CheckReport? Report { get; private set; }

    public bool PreviewOn => store.Options.Preview;

    public IReadOnlyList<PageRow> Rows { get; private set; } = [];

    /// <summary>Messages about no page in particular (service.yml, glossaries, folders).</summary>
    public IReadOnlyList<ContentDiagnostic> OtherMessages { get; private set; } = [];

    public void OnGet()
    {
        var today = ContentChecker.TodayFrom(clock);
        Report = ContentChecker.CheckFolder(store.RootPath, store.Options, today, DisplayRoot);
        var index = PageIndex.Build(store.RootPath, store.Options, includeDrafts: true, DisplayRoot);
        var byFile = Report.Diagnostics.ToLookup(d => d.File, StringComparer.Ordinal);
        var languages = index.Languages.Order(StringComparer.Ordinal).ToList();
        Rows = index.Pages
            .Select(entry => Row(index, entry, languages, byFile[entry.DisplayPath].ToList(), today))
            .OrderBy(row => row.Due ?? DateOnly.MinValue)
            .ThenBy(row => row.File, StringComparer.Ordinal)
            .ToList();
        var pageFiles = index.Pages.Select(p => p.DisplayPath).ToHashSet(StringComparer.Ordinal);
        OtherMessages = Report.Diagnostics.Where(d => !pageFiles.Contains(d.File)).ToList();
    }

    private PageRow Row(PageIndex index, PageEntry entry, List<string> languages, List<ContentDiagnostic> messages, DateOnly today)
    {
        var front = entry.FrontMatter;
        var review = front is null ? "Unknown: the page's front matter cannot be read"
            : front.IsOverdue(today) ? $"Overdue by {front.DaysOverdue(today)} days ({Format(front.NextReviewDue)})"
            : front.NextReviewDue.DayNumber - today.DayNumber <= ContentChecker.ReviewWarningDays ? $"Due soon: {Format(front.NextReviewDue)}"
            : Format(front.NextReviewDue);
        var missing = languages.Where(l => l != entry.Language && index.FindFile($"{l}/{entry.PathInLanguage}") is null)
            .Select(l => index.SiteLanguages.Get(l).Culture.EnglishName.Split(' ')[0])
            .ToList();
        // Drafts open only in preview; a broken page has nothing to read.
        var url = entry.IsBroken || (entry.IsDraft && !PreviewOn) ? null : entry.Url;
        return new PageRow(entry.Title, entry.DisplayPath, url, entry.IsDraft, front?.NextReviewDue, review, Reading(index, entry), missing, messages);
    }

    private string Reading(PageIndex index, PageEntry entry)
    {
        if (entry.IsBroken) return "Not measured (the page is broken)";
        var page = index.Render(entry, store.Service);
        if (page.BanglaReadingLevel is { } bangla)
        {
            var verdict = bangla.IsPlain ? "plain" : "over the limits: " + string.Join("; ", bangla.OverLimits);
            return string.Create(CultureInfo.InvariantCulture, $"Bengali: {bangla.WordsPerSentence:0.0} words per sentence, {bangla.AksharasPerWord:0.00} aksharas per word ({verdict})");
        }

        return ContentChecker.GradeLimits.TryGetValue(entry.Language, out var limit)
            ? string.Create(CultureInfo.InvariantCulture, $"Grade {page.ReadingLevel.Grade:0.0} (limit {limit:0})")
            : "Not measured for this language";
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

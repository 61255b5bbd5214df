using BoneTumorInfo.Content.Glossary;
using System.Globalization;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Markdown.Placeholders;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Content.Checks;

/// <summary>What a check run found, over how many pages.</summary>
public sealed record CheckReport(int PageCount, IReadOnlyList<ContentDiagnostic> Diagnostics)
{
    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count - Errors;
}

/// <summary>
/// Checks pages for what matters in patient information. It reuses the site's own page index,
/// parser and renderer, so the site and the checker cannot disagree about a page.
/// </summary>
public sealed class ContentChecker
{
    /// <summary>Highest acceptable reading grade, by language (none is set for the others yet).</summary>
    public static readonly IReadOnlyDictionary<string, double> GradeLimits = new Dictionary<string, double>(StringComparer.Ordinal) { ["en"] = 8.0 };

    /// <summary>A review due this many days ahead or fewer is flagged.</summary>
    public const int ReviewWarningDays = 30;

    /// <summary>A review overdue by more than this many days is an error, not a warning.</summary>
    public const int ReviewOverdueErrorDays = 90;

    private readonly PageIndex _index;
    private readonly Func<PageEntry, RenderedPage> _render;
    private readonly DateOnly _today;
    private readonly Dictionary<string, RenderedPage> _rendered = new(StringComparer.Ordinal);

    public ContentChecker(PageIndex index, Func<PageEntry, RenderedPage> render, DateOnly today)
    {
        _index = index;
        _render = render;
        _today = today;
    }

    /// <summary>A checker whose "today" is the clock's local date (tests pass a fixed clock).</summary>
    public ContentChecker(PageIndex index, Func<PageEntry, RenderedPage> render, TimeProvider time)
        : this(index, render, TodayFrom(time))
    {
    }

    /// <summary>
    /// Whether a placeholder that has no profile to fill it is reported (true by default). The
    /// folder check turns it off when service.yml exists but has errors: those errors are
    /// reported once, not again at every placeholder.
    /// </summary>
    public bool ReportUnfilledPlaceholders { get; init; } = true;

    /// <summary>The local date on <paramref name="time"/>'s clock.</summary>
    public static DateOnly TodayFrom(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetLocalNow().DateTime);
    }

    /// <summary>Checks a whole content folder, drafts included, with "today" from <paramref name="time"/>.</summary>
    public static CheckReport CheckFolder(string rootPath, ContentOptions options, TimeProvider time, string? displayRoot = null) =>
        CheckFolder(rootPath, options, TodayFrom(time), displayRoot);

    /// <summary>Checks a whole content folder, drafts included.</summary>
    public static CheckReport CheckFolder(string rootPath, ContentOptions options, DateOnly today, string? displayRoot = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var index = PageIndex.Build(rootPath, options, includeDrafts: true, displayRoot);
        var diagnostics = new List<ContentDiagnostic>(index.Diagnostics);
        var serviceFile = Path.Combine(rootPath, ServiceProfile.FileName);
        var rootName = (displayRoot ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(rootPath))).Replace('\\', '/').TrimEnd('/');
        var service = ServiceProfileReader.Load(serviceFile, $"{rootName}/{ServiceProfile.FileName}", index.SiteLanguages.Codes.ToList(), diagnostics);
        var checker = new ContentChecker(index, entry => index.Render(entry, service), today)
        {
            ReportUnfilledPlaceholders = service is not null || !File.Exists(serviceFile),
        };
        // Front-matter errors are already among the index's own diagnostics. The body is checked
        // whatever they are, as a compiler reports every error, not just the first kind it meets.
        foreach (var entry in index.Pages.OrderBy(p => p.DisplayPath, StringComparer.Ordinal))
        {
            diagnostics.AddRange(checker.CheckBody(entry));
        }

        return new CheckReport(index.Pages.Count, Sorted(diagnostics));
    }

    /// <summary>Everything wrong with one page (its front-matter errors included).</summary>
    public IReadOnlyList<ContentDiagnostic> CheckPage(PageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Sorted(entry.Diagnostics.Concat(CheckBody(entry)));
    }

    /// <summary>What is wrong in a page's body (and its review dates, when the front matter could be read).</summary>
    private List<ContentDiagnostic> CheckBody(PageEntry entry)
    {
        var found = new List<ContentDiagnostic>();
        // A page past the size or nesting limits is never parsed; its error is the index's.
        if (!entry.CanRender) return found;
        var page = Rendered(entry);
        if (page is null) return found;

        void Error(int line, int column, string message) => found.Add(new(entry.DisplayPath, line, column, DiagnosticSeverity.Error, message));
        void Warning(int line, int column, string message) => found.Add(new(entry.DisplayPath, line, column, DiagnosticSeverity.Warning, message));

        CheckLinks(entry, page, Error);
        CheckHeadings(page, Error);
        CheckBlocks(page, Error, Warning);
        CheckPlaceholders(page, Error);
        CheckReadingLevel(entry, page, Warning);
        if (entry.FrontMatter is not null) CheckReviewDates(entry, Error, Warning);
        CheckTranslations(entry, Warning);
        return found;
    }

    private RenderedPage? Rendered(PageEntry entry)
    {
        if (_rendered.TryGetValue(entry.FullPath, out var page)) return page;
        try
        {
            page = _render(entry);
        }
        catch (IOException)
        {
            return null;
        }

        _rendered[entry.FullPath] = page;
        return page;
    }

    private void CheckLinks(PageEntry entry, RenderedPage page, Action<int, int, string> error)
    {
        var contentRoot = _index.RootPath;
        foreach (var link in page.Links)
        {
            if (link.IsImage)
            {
                if (string.IsNullOrWhiteSpace(link.AltText))
                {
                    error(link.Line, link.Column, $"the image '{link.Written}' has no alt text: describe it in the square brackets, ![like this](picture.png)");
                }

                if (link.TargetFile is not null && !ContentFiles.TryResolveInside(contentRoot, link.TargetFile, out _))
                {
                    error(link.Line, link.Column, $"the image '{link.Written}' is not there (looked for {link.TargetFile})");
                }

                continue;
            }

            if (link.TargetFile is null)
            {
                if (!link.IsExternal)
                {
                    error(link.Line, link.Column, $"the link '{link.Written}' goes outside the {entry.Language} pages");
                }

                continue;
            }

            if (!link.TargetFile.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                if (!ContentFiles.TryResolveInside(contentRoot, link.TargetFile, out _))
                {
                    error(link.Line, link.Column, $"the link '{link.Written}' leads nowhere: link to the page's file, ending in .md");
                }

                continue;
            }

            var target = _index.FindFile(link.TargetFile);
            if (target is null)
            {
                error(link.Line, link.Column, $"the link '{link.Written}' leads to a page that does not exist ({link.TargetFile})");
                continue;
            }

            if (string.IsNullOrEmpty(link.Fragment) || !target.CanRender) continue;
            var targetPage = Rendered(target);
            var anchors = targetPage?.Headings.Select(h => h.Id).ToHashSet(StringComparer.Ordinal) ?? [];
            if (target.PathInLanguage == GlossaryTerms.PageFile)
            {
                anchors.UnionWith(_index.GlossaryFor(target.Language).Entries.Select(e => e.Id));
            }

            if (!anchors.Contains(link.Fragment))
            {
                error(link.Line, link.Column, $"the link '{link.Written}' points to '#{link.Fragment}', but {target.DisplayPath} has no heading with that id");
            }
        }
    }

    private static void CheckHeadings(RenderedPage page, Action<int, int, string> error)
    {
        var previousLevel = 1; // the page title is the h1
        var seen = new Dictionary<string, PageHeading>(StringComparer.OrdinalIgnoreCase);
        foreach (var heading in page.Headings.Where(h => h.Line > 0))
        {
            if (heading.Level == 1)
            {
                error(heading.Line, heading.Column, $"'# {heading.Text}' is a second page title: the title comes from 'title:'; start sections with ##");
            }
            else if (heading.Level > previousLevel + 1)
            {
                error(heading.Line, heading.Column,
                    $"the heading '{heading.Text}' skips a level ({new string('#', heading.Level)} after {new string('#', previousLevel)}); use {new string('#', previousLevel + 1)}");
            }

            if (seen.TryGetValue(heading.Text, out var first))
            {
                error(heading.Line, heading.Column, $"the heading '{heading.Text}' is used twice on this page (first on line {first.Line}); make each heading different");
            }
            else
            {
                seen[heading.Text] = heading;
            }

            previousLevel = heading.Level;
        }
    }

    private static void CheckBlocks(RenderedPage page, Action<int, int, string> error, Action<int, int, string> warning)
    {
        foreach (var block in page.Blocks)
        {
            if (!block.IsCareCard)
            {
                error(block.Line, block.Column, $"'::: {block.Kind}' is not a kind of box the site knows; use '::: non-urgent', '::: urgent' or '::: emergency'");
            }
            else if (!block.HasHeading)
            {
                var example = block.Kind.Trim().ToLowerInvariant() switch
                {
                    "non-urgent" => "### Contact your team in working hours if",
                    "urgent" => "### Call your team today if",
                    _ => "### Call 999 now if",
                };
                warning(block.Line, block.Column, $"the {block.Kind} box has no heading: start it with a heading that says what to do, like '{example}'");
            }
        }
    }

    private static void CheckReadingLevel(PageEntry entry, RenderedPage page, Action<int, int, string> warning)
    {
        if (page.BanglaReadingLevel is { IsPlain: false } bangla)
        {
            var hardest = string.Join(" | ", bangla.LongestSentences.Select(s => $"\"{s}\""));
            warning(1, 1, $"the Bengali text is not plain: {string.Join("; ", bangla.OverLimits)}; shorten these sentences first: {hardest}");
        }

        if (!GradeLimits.TryGetValue(entry.Language, out var limit) || page.ReadingLevel.Grade <= limit) return;
        var longest = string.Join(" | ", page.ReadingLevel.LongestSentences.Select(s => $"\"{s}\""));
        warning(1, 1, string.Create(CultureInfo.InvariantCulture,
            $"reading grade {page.ReadingLevel.Grade:0.0} is above {limit:0.0}; shorten these sentences first: {longest}"));
    }

    private void CheckPlaceholders(RenderedPage page, Action<int, int, string> error)
    {
        foreach (var placeholder in page.Placeholders)
        {
            switch (placeholder.Status)
            {
                case PlaceholderStatus.Unknown:
                    error(placeholder.Line, placeholder.Column,
                        $"unknown placeholder {placeholder.Written}: known ones are {string.Join(", ", PlaceholderFiller.Known.Keys.Select(k => $"{{{{ {k} }}}}"))}");
                    break;
                case PlaceholderStatus.Unclosed:
                    error(placeholder.Line, placeholder.Column, $"'{placeholder.Written}' starts a placeholder but has no closing '}}}}' on the same line");
                    break;
                case PlaceholderStatus.NoProfile when ReportUnfilledPlaceholders:
                    error(placeholder.Line, placeholder.Column, $"{placeholder.Written} shows nothing: there is no {ServiceProfile.FileName} beside the language folders to fill it from");
                    break;
            }
        }
    }

    private void CheckReviewDates(PageEntry entry, Action<int, int, string> error, Action<int, int, string> warning)
    {
        var frontMatter = entry.FrontMatter!;
        var due = frontMatter.NextReviewDue;
        var line = frontMatter.LineOf("next_review_due");
        var when = due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        if (frontMatter.DaysOverdue(_today) > ReviewOverdueErrorDays)
        {
            error(line, 1, $"the review was due on {when}, more than {ReviewOverdueErrorDays} days ago: check the page now, then update last_reviewed and next_review_due");
        }
        else if (frontMatter.IsOverdue(_today))
        {
            warning(line, 1, $"the review was due on {when}: check the page, then update last_reviewed and next_review_due");
        }
        else if (due.DayNumber - _today.DayNumber <= ReviewWarningDays)
        {
            warning(line, 1, $"the review is due on {when}, in {due.DayNumber - _today.DayNumber} days");
        }
    }

    private void CheckTranslations(PageEntry entry, Action<int, int, string> warning)
    {
        // Only between languages the folder actually has: a site with no Bengali pages yet is not
        // missing every one of them.
        foreach (var other in _index.Languages.Where(l => l != entry.Language).Order(StringComparer.Ordinal))
        {
            if (_index.FindFile($"{other}/{entry.PathInLanguage}") is null)
            {
                warning(1, 1, $"there is no {other} version of this page (expected {other}/{entry.PathInLanguage})");
            }
        }
    }

    private static List<ContentDiagnostic> Sorted(IEnumerable<ContentDiagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
}

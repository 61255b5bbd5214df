using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Search;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace BoneTumorInfo.Web.Search;

/// <summary>One result as the page shows it: the page's current title and description, its section, and the extract.</summary>
public sealed record SearchResultView(string Title, string Url, string? Description, string? Section, IReadOnlyList<TextPart> Extract);

/// <summary>
/// The search page, <c>/search?q=</c> and <c>/bn/search?q=</c>: a GET form, answered on the server,
/// so it works with JavaScript off. Never cached (the words are the reader's own), never indexed.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed partial class SearchModel(
    ContentStore store, SiteLanguages languages, SearchService search, SearchIndexer indexer, SearchMissLog misses, TimeProvider clock,
    IStringLocalizer<SiteText> text, ILogger<SearchModel> logger) : SitePageModel
{
    public string Query { get; private set; } = "";

    public SearchResults? Results { get; private set; }

    public IReadOnlyList<SearchResultView> Items { get; private set; } = [];

    /// <summary>False while the index is still being built just after start-up.</summary>
    public bool IsReady { get; private set; }

    public string GlossaryUrl { get; private set; } = "";

    public string ContactUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? q, string? language)
    {
        // "/bn/search" names its language; "/en/search" (the default language has no prefix) and unknown codes are not pages.
        if (language is not null && (language == languages.Default.Code || !languages.Contains(language))) return NotFound();
        var code = language ?? languages.Default.Code;
        Chrome = SiteChrome.ForLanguage(store, code, text["Search"]) with
        {
            Robots = "noindex",
            Description = text["Search this site's pages about bone tumours and children's tumour surgery."],
        };
        Response.Headers["X-Robots-Tag"] = "noindex";
        GlossaryUrl = languages.UrlOf(code, "glossary");
        ContactUrl = languages.UrlOf(code, "contact");
        // Just after start-up the index is built a moment later; a search that comes first asks for it now.
        // (A first build that failed is logged; the page then says search is not ready.)
        IsReady = search.IsReady || (await indexer.FirstBuildAsync(TimeSpan.FromSeconds(10), HttpContext.RequestAborted) && search.IsReady);
        Query = (q ?? "").Trim();
        if (Query.Length > SearchIndex.MaxQueryLength) Query = Query[..SearchIndex.MaxQueryLength].TrimEnd();
        if (Query.Length == 0) return Page();

        Results = search.Search(code, Query);
        Chrome = Chrome with { Title = $"{text["Search"]}: {Query}" };
        var index = store.Index;
        Items = Results.Hits
            .Select(hit => (Hit: hit, Entry: index.Find(hit.Document.Language, hit.Document.Slug)))
            .Where(x => x.Entry is { IsBroken: false })
            .Select(x => new SearchResultView(x.Entry!.Title, x.Entry.Url, x.Entry.FrontMatter?.Description, SectionOf(index, x.Entry), x.Hit.Extract))
            .ToList();
        if (Results.IsMiss && IsReady) RecordMiss(code, Query);
        return Page();
    }

    /// <summary>The top-level section a page is in ("Conditions"), or null for the home page and the sections themselves.</summary>
    private static string? SectionOf(PageIndex index, PageEntry entry)
    {
        var trail = index.Breadcrumbs(entry);
        return trail.Count > 1 ? trail[1].Title : null;
    }

    /// <summary>Counted after the response, off the request: a slow disk must not slow the page, nor a full one break it.</summary>
    private void RecordMiss(string language, string query)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _ = Task.Run(() =>
        {
            try
            {
                misses.Record(language, query, day);
            }
#pragma warning disable CA1031 // Counting misses is for editors; a failure is logged (without the words) and forgotten.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogMissNotRecorded(logger, exception.GetType().Name);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A search that found nothing could not be counted ({ErrorType})")]
    private static partial void LogMissNotRecorded(ILogger logger, string errorType);
}

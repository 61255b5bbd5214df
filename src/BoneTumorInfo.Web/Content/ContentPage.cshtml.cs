using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BoneTumorInfo.Web.Content;

/// <summary>Serves every Markdown page under content/ through the shared layout.</summary>
/// <remarks>The same HTML for every reader, so it is output-cached (until its content changes) and ETagged.</remarks>
[OutputCache(PolicyName = Caching.ContentPolicy)]
[ConditionalGet]
public sealed class ContentPageModel(ContentStore store, TimeProvider clock, ILogger<ContentPageModel> logger) : SitePageModel
{
    public PageEntry Entry { get; private set; } = null!;

    /// <summary>Null when the page's file is broken: readers see "this page is being updated".</summary>
    public RenderedPage? Rendered { get; private set; }

    public IReadOnlyList<PageEntry> Children { get; private set; } = [];

    public PageEntry? Previous { get; private set; }

    public PageEntry? Next { get; private set; }

    /// <summary>Past its review date: readers are told the page may be out of date.</summary>
    public bool IsOverdue { get; private set; }

    /// <summary>With preview on: what the content checker says about this page, for its editors.</summary>
    public IReadOnlyList<ContentDiagnostic> CheckerMessages { get; private set; } = [];

    public IActionResult OnGet(string? path)
    {
        var options = store.Options;
        var languages = store.Index.SiteLanguages;
        // One address per page: "/conditions/" and "/conditions/index" move to "/conditions".
        if (Seo.CanonicalPaths.RedirectFor(path, store.Index) is { } canonical) return RedirectPermanent(canonical);
        if (!ContentPaths.TryParseRequestPath(path, languages.Codes, languages.Default.Code, out var language, out var slug))
        {
            // "/Conditions" is a typing slip, not an attack: send it to the lower-case address.
            var lower = path?.ToLowerInvariant();
            return lower != path && ContentPaths.TryParseRequestPath(lower, languages.Codes, languages.Default.Code, out language, out slug)
                && store.Index.Find(language, slug) is { } found
                ? RedirectPermanent(found.Url)
                : NotFound();
        }

        var index = store.Index;
        var entry = index.Find(language, slug);
        if (entry is null) return NotFound();

        Entry = entry;
        if (options.Preview)
        {
            CheckerMessages = new ContentChecker(index, store.Render, clock).CheckPage(entry);
        }

        Chrome = SiteChrome.For(store, entry);
        if (entry.IsBroken)
        {
            foreach (var problem in entry.Diagnostics.Where(d => d.IsError))
            {
                ContentStore.LogContentError(logger, problem);
            }

            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }

        Rendered = store.Render(entry);
        IsOverdue = entry.FrontMatter?.IsOverdue(ContentChecker.TodayFrom(clock)) == true;
        Children = entry.IsFolderPage && entry.Slug.Length > 0 ? index.ChildrenOf(entry) : [];
        (Previous, Next) = index.PreviousNext(entry);
        return Page();
    }
}

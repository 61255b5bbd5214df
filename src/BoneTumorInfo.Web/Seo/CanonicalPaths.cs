using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Web.Seo;

/// <summary>One address per page: <c>/conditions/</c> and <c>/conditions/index</c> are the page at <c>/conditions</c>.</summary>
public static class CanonicalPaths
{
    /// <summary>
    /// The canonical address of a page asked for with a trailing slash or an "index" segment, or
    /// null when the path has neither (or names no page). The path is only looked up, never used.
    /// </summary>
    public static string? RedirectFor(string? path, PageIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (string.IsNullOrEmpty(path)) return null;
        var trimmed = path.TrimEnd('/');
        if (trimmed == "index") trimmed = "";
        else if (trimmed.EndsWith("/index", StringComparison.Ordinal)) trimmed = trimmed[..^"/index".Length];
        if (trimmed == path) return null;
        var languages = index.SiteLanguages;
        return ContentPaths.TryParseRequestPath(trimmed, languages.Codes, languages.Default.Code, out var language, out var slug)
            && index.Find(language, slug) is { } page
            ? page.Url
            : null;
    }
}

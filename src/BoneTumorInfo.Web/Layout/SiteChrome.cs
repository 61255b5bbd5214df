using System.Globalization;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Web.Layout;

public sealed record NavLink(string Title, string Url, bool IsCurrent);

/// <summary>What the shared layout shows around a page: language, title, navigation, review dates.</summary>
public sealed record SiteChrome(
    string Language,
    string Title,
    string? Description,
    string HomeUrl,
    IReadOnlyList<NavLink> Sections,
    IReadOnlyList<NavLink> Breadcrumbs,
    PageEntry? Page)
{
    public const string ViewDataKey = "SiteChrome";

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language == "bn" ? "bn-BD" : "en-GB");

    public string FormatDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>The chrome for a content page: its section is marked current in the navigation.</summary>
    public static SiteChrome For(ContentStore store, PageEntry page)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(page);
        var index = store.Index;
        var trail = index.Breadcrumbs(page);
        var section = trail.Count > 1 ? trail[1] : page;
        return new SiteChrome(
            page.Language,
            page.Title,
            page.FrontMatter?.Description,
            ContentPaths.UrlOf(page.Language, "", store.Options.DefaultLanguage),
            SectionsOf(index, page.Language, section.Slug),
            trail.Select(p => new NavLink(p.Title, p.Url, false)).ToList(),
            page);
    }

    /// <summary>The chrome for a page that is not content (errors, forms), in a given language.</summary>
    public static SiteChrome ForLanguage(ContentStore store, string language, string title)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new SiteChrome(language, title, null, ContentPaths.UrlOf(language, "", store.Options.DefaultLanguage),
            SectionsOf(store.Index, language, null), [], null);
    }

    private static List<NavLink> SectionsOf(PageIndex index, string language, string? currentSlug) =>
        index.Sections(language).Select(s => new NavLink(s.Title, s.Url, s.Slug == currentSlug)).ToList();
}

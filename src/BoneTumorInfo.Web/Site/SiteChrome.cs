using System.Globalization;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Web.Site;

public sealed record NavLink(string Title, string Url, bool IsCurrent);

/// <summary>The same page in another language, named in that language ("বাংলা", "English").</summary>
public sealed record LanguageLink(string Language, string Name, string Url);

/// <summary>What the shared layout shows around a page: language, title, navigation, review dates.</summary>
/// <remarks>Every page model derives from <see cref="SitePageModel"/>, which carries one of these to the layout.</remarks>
public sealed record SiteChrome(
    SiteLanguage SiteLanguage,
    string Title,
    string? Description,
    string HomeUrl,
    IReadOnlyList<NavLink> Sections,
    IReadOnlyList<NavLink> Breadcrumbs,
    PageEntry? Page,
    IReadOnlyList<LanguageLink> OtherLanguages,
    ServiceProfile? Service,
    string? ContactUrl,
    string? AccessibilityUrl)
{
    /// <summary>The language code of the page ("en", "bn"): the html element's lang.</summary>
    public string Language => SiteLanguage.Code;

    public CultureInfo Culture => SiteLanguage.Culture;

    /// <summary>
    /// The "lang" route value of pages that have a copy per language (the appointment form):
    /// null for the default language, whose addresses have no prefix.
    /// </summary>
    public string? LanguageRoute { get; init; }

    /// <summary>Put before the title in the browser tab, such as "Error: " when a form has problems.</summary>
    public string? TitlePrefix { get; init; }

    /// <summary>The search page in this page's language ("/search", "/bn/search"), for the header's search box.</summary>
    public string SearchUrl => HomeUrl.TrimEnd('/') + "/search";

    /// <summary>What the page asks of search engines ("noindex" for search results); null for the default.</summary>
    public string? Robots { get; init; }

    /// <summary>"1 November 2026", or "১ নভেম্বর ২০২৬" on a Bengali page: the language's own digits too.</summary>
    public string FormatDate(DateOnly date) => LocalDigits.In(Language, date.ToString("d MMMM yyyy", Culture));

    /// <summary>The chrome for a content page: its section is marked current in the navigation.</summary>
    public static SiteChrome For(ContentStore store, PageEntry page)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(page);
        var index = store.Index;
        var trail = index.Breadcrumbs(page);
        var section = trail.Count > 1 ? trail[1] : page;
        return new SiteChrome(
            index.SiteLanguages.Get(page.Language),
            page.Title,
            page.FrontMatter?.Description,
            index.SiteLanguages.UrlOf(page.Language, ""),
            SectionsOf(index, page.Language, section.Slug),
            trail.Select(p => new NavLink(p.Title, p.Url, false)).ToList(),
            page,
            OtherLanguagesOf(index, page.Language, page.PathInLanguage),
            store.Service,
            UrlOfPage(index, page.Language, ContactSlug),
            UrlOfPage(index, page.Language, AccessibilitySlug))
        {
            LanguageRoute = RouteValueOf(index, page.Language),
        };
    }

    /// <summary>The chrome for a page that is not content (errors, forms), in a given language.</summary>
    public static SiteChrome ForLanguage(ContentStore store, string language, string title)
    {
        ArgumentNullException.ThrowIfNull(store);
        var index = store.Index;
        return new SiteChrome(index.SiteLanguages.Get(language), title, null, index.SiteLanguages.UrlOf(language, ""),
            SectionsOf(index, language, null), [], null, OtherLanguagesOf(index, language, "index.md"),
            store.Service, UrlOfPage(index, language, ContactSlug), UrlOfPage(index, language, AccessibilitySlug))
        {
            LanguageRoute = RouteValueOf(index, language),
        };
    }

    /// <summary>
    /// This page in the site's other languages, or that language's home page where the page has
    /// no copy yet (or its copy is a draft or broken).
    /// </summary>
    private static List<LanguageLink> OtherLanguagesOf(PageIndex index, string language, string pathInLanguage) =>
        index.Languages.Where(l => l != language).Order(StringComparer.Ordinal)
            .Select(l => (index.FindFile($"{l}/{pathInLanguage}") is { IsBroken: false } same && (index.IncludeDrafts || !same.IsDraft) ? same : null)
                ?? index.Find(l, ""))
            .OfType<PageEntry>()
            .Select(p => new LanguageLink(p.Language, index.SiteLanguages.Get(p.Language).NativeName, p.Url))
            .ToList();

    /// <summary>The pages every footer links to, when the content has them.</summary>
    public const string ContactSlug = "contact";

    public const string AccessibilitySlug = "accessibility";

    /// <summary>A language's "lang" route value: none for the language served at the site root.</summary>
    public static string? RouteValueOf(PageIndex index, string language)
    {
        ArgumentNullException.ThrowIfNull(index);
        return language == index.DefaultLanguage ? null : language;
    }

    private static string? UrlOfPage(PageIndex index, string language, string slug) =>
        index.Find(language, slug) is { IsBroken: false } page ? page.Url : null;

    /// <summary>A phone number as this page's readers write it (Bengali digits on Bengali pages).</summary>
    public string PhoneText(ServicePhone phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Display(Language);
    }

    private static List<NavLink> SectionsOf(PageIndex index, string language, string? currentSlug) =>
        index.Sections(language).Select(s => new NavLink(s.Title, s.Url, s.Slug == currentSlug)).ToList();
}

using System.Globalization;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Web.Site;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Seo;

/// <summary>A page's address in one language, for <c>hreflang</c> links ("x-default" for the default language's).</summary>
public sealed record AlternateLink(string HrefLang, string Href);

/// <summary>
/// What the head of a page tells search engines and share previews: its one address, its twins in
/// other languages, Open Graph and Twitter card data, and (for a content page) JSON-LD.
/// </summary>
public sealed record PageHead(
    string? Canonical,
    IReadOnlyList<AlternateLink> Alternates,
    string OgType,
    string Locale,
    IReadOnlyList<string> AlternateLocales,
    string ImageUrl,
    string? JsonLd)
{
    /// <summary>The share image (wwwroot/images/share.png): its size, for previews that need it before fetching.</summary>
    public const string ImagePath = "/images/share.png";

    public const int ImageWidth = 1200;

    public const int ImageHeight = 630;
}

/// <summary>Works out a page's <see cref="PageHead"/> from its chrome and the request.</summary>
public sealed class PageHeads(ContentStore store, SiteLanguages languages, IOptions<SeoOptions> options)
{
    public PageHead For(SiteChrome chrome, HttpContext context, string siteName)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(context);
        var baseUrl = options.Value.BaseUrl(context.Request);
        var page = chrome.Page is { IsBroken: false } p ? p : null;
        var twins = page is null ? [] : Twins(store.Index, page);
        // Error pages have no address of their own; everything else names one (without its query).
        string? canonical = context.Response.StatusCode != StatusCodes.Status200OK ? null
            : page is not null ? baseUrl + page.Url
            : baseUrl + (context.Request.Path.Value ?? "/");
        var alternates = new List<AlternateLink>();
        if (twins.Count > 1)
        {
            alternates.AddRange(twins.Select(t => new AlternateLink(t.Language, baseUrl + t.Url)));
            if (twins.FirstOrDefault(t => t.Language == languages.Default.Code) is { } fallback)
            {
                alternates.Add(new AlternateLink("x-default", baseUrl + fallback.Url));
            }
        }

        var jsonLd = page is not null && canonical is not null
            ? JsonLd.For(page, canonical, siteName, baseUrl + "/", chrome.Culture.Name)
            : null;
        return new PageHead(
            canonical,
            alternates,
            page is not null && page.Slug.Length > 0 ? "article" : "website",
            LocaleOf(chrome.Culture),
            twins.Where(t => t.Language != chrome.Language).Select(t => LocaleOf(languages.Get(t.Language).Culture)).ToList(),
            baseUrl + PageHead.ImagePath,
            jsonLd);
    }

    /// <summary>The same page in every language that has it published, this one included, in the site's language order.</summary>
    public static List<PageEntry> Twins(PageIndex index, PageEntry page)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(page);
        return index.SiteLanguages.All
            .Select(l => index.FindFile($"{l.Code}/{page.PathInLanguage}"))
            .Where(t => t is { IsBroken: false, IsDraft: false })
            .Select(t => t!)
            .ToList();
    }

    /// <summary>Open Graph writes locales with an underscore: en_GB, bn_BD.</summary>
    public static string LocaleOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name.Replace('-', '_');
    }
}

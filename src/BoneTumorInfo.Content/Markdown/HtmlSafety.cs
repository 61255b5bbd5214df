using Ganss.Xss;

namespace BoneTumorInfo.Content.Markdown;

/// <summary>
/// The last gate before HTML reaches a reader. Raw HTML is already off in Markdig, but links,
/// autolinks and images still carry whatever URL an editor typed, so everything rendered is
/// cleaned against an explicit allow-list of tags, attributes and URL schemes.
/// </summary>
public static class HtmlSafety
{
    private static readonly string[] Tags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "pre",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "img", "hr", "br", "aside", "div",
        "span", "dl", "dt", "dd", "dfn", "abbr", "sup", "sub", "del", "figure", "figcaption", "nav",
        // Glossary terms: a native popover needs no script.
        "button",
    ];

    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "id", "class", "aria-labelledby", "aria-label", "start", "colspan", "rowspan", "scope", "lang",
        "type", "popover", "popovertarget",
    ];

    /// <summary>Relative URLs pass; absolute ones only with these schemes. No javascript:, no data:.</summary>
    private static readonly string[] Schemes = ["http", "https", "mailto", "tel"];

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        foreach (var tag in Tags) sanitizer.AllowedTags.Add(tag);
        foreach (var attribute in Attributes) sanitizer.AllowedAttributes.Add(attribute);
        foreach (var scheme in Schemes) sanitizer.AllowedSchemes.Add(scheme);
        return sanitizer;
    }

    // A configured sanitizer is reused per thread: building one is not free, and rendering is cached anyway.
    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(Create);

    public static string Clean(string html) => Sanitizer.Value!.Sanitize(html);
}

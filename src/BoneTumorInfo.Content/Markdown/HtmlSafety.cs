using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace BoneTumorInfo.Content.Markdown;

/// <summary>
/// The last gate before HTML reaches a reader. Raw HTML is already off in Markdig, but links,
/// autolinks and images still carry whatever URL an editor typed, so everything rendered is
/// parsed as a browser would (AngleSharp, scripting on) and cleaned against an explicit
/// allow-list: an element not on it goes with everything inside it, an attribute not on it goes,
/// a URL whose scheme is not on it goes, comments go. What is left is written out by AngleSharp's
/// own serialiser, so text and attribute values are escaped by the same rules a browser reads.
/// </summary>
/// <remarks>
/// This replaced the HtmlSanitizer package: the site allows no CSS at all, yet HtmlSanitizer
/// always starts AngleSharp's CSS engine, which cost about 150 ms of CPU on the first page after
/// every start (its static maps alone need some 360 generic methods compiled) and a library
/// loaded for nothing. The allow-list, the schemes and the tests of hostile input are the same.
/// </remarks>
public static class HtmlSafety
{
    private static readonly FrozenSet<string> Tags = FrozenSet.Create(StringComparer.Ordinal,
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "pre",
        "blockquote", "table", "thead", "tbody", "tr", "th", "td", "img", "hr", "br", "aside", "div",
        "span", "dl", "dt", "dd", "dfn", "abbr", "sup", "sub", "del", "figure", "figcaption", "nav",
        // Glossary terms: a native popover needs no script.
        "button",
    ]);

    private static readonly FrozenSet<string> Attributes = FrozenSet.Create(StringComparer.Ordinal,
    [
        "href", "src", "alt", "title", "id", "class", "aria-labelledby", "aria-label", "start", "colspan", "rowspan", "scope", "lang",
        "type", "popover", "popovertarget",
    ]);

    /// <summary>Attributes a browser follows as a URL.</summary>
    private static readonly FrozenSet<string> UrlAttributes = FrozenSet.Create(StringComparer.Ordinal, ["href", "src"]);

    /// <summary>Relative URLs pass; absolute ones only with these schemes. No javascript:, no data:.</summary>
    private static readonly FrozenSet<string> Schemes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, ["http", "https", "mailto", "tel"]);

    // A parser per thread: pages are rendered in parallel, and one parser is cheap to keep.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions { IsScripting = true }));

    public static string Clean(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = Parser.Value!;
        var document = parser.ParseDocument(string.Empty);
        var body = document.Body!;
        var nodes = parser.ParseFragment(html, body);
        using var writer = new StringWriter();
        foreach (var node in nodes.ToArray())
        {
            if (Keep(node))
            {
                node.ToHtml(writer, HtmlMarkupFormatter.Instance);
            }
        }

        return writer.ToString();
    }

    /// <summary>Whether a node stays; an element that stays is cleaned inside, depth first.</summary>
    private static bool Keep(INode node)
    {
        switch (node)
        {
            case IText:
                return true;
            case IElement element when IsAllowed(element):
                CleanAttributes(element);
                foreach (var child in element.ChildNodes.ToArray())
                {
                    if (!Keep(child))
                    {
                        element.RemoveChild(child);
                    }
                }

                return true;
            default:
                // Comments, processing instructions, and elements off the list (with their content).
                return false;
        }
    }

    /// <summary>On the list, and an HTML element: &lt;a&gt; inside an &lt;svg&gt; is SVG's, not HTML's.</summary>
    private static bool IsAllowed(IElement element) =>
        element.NamespaceUri == NamespaceNames.HtmlUri && Tags.Contains(element.LocalName);

    private static void CleanAttributes(IElement element)
    {
        foreach (var attribute in element.Attributes.ToArray())
        {
            var name = attribute.Name;
            var allowed = attribute.NamespaceUri is null or "" && Attributes.Contains(name)
                && (!UrlAttributes.Contains(name) || IsSafeUrl(attribute.Value));
            if (!allowed)
            {
                element.RemoveAttribute(name);
            }
        }
    }

    /// <summary>
    /// A relative URL, or one whose scheme is on the list. The value is read as a browser reads it:
    /// spaces and control characters at either end are dropped and tabs and line breaks anywhere
    /// are ignored, so "java&amp;#09;script:" is still javascript:. A colon before the first
    /// slash, question mark or hash names a scheme.
    /// </summary>
    internal static bool IsSafeUrl(string value)
    {
        var url = string.Concat(value.Trim(BrowserTrimmed).Where(c => c is not ('\t' or '\n' or '\r')));
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return true;
        }

        var pathStart = url.AsSpan().IndexOfAny('/', '?', '#');
        if (pathStart >= 0 && pathStart < colon)
        {
            return true;
        }

        return Schemes.Contains(url[..colon]);
    }

    /// <summary>What the URL standard strips from both ends of a URL: C0 controls and space.</summary>
    private static readonly char[] BrowserTrimmed = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];
}

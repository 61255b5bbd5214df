using BoneTumorInfo.Content.Pages;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Markdown.Links;

/// <summary>A link or image written in a page, as the editor wrote it and where it leads.</summary>
/// <param name="TargetFile">For a link to another page or an image: the target's path relative to the
/// content root (<c>en/conditions/index.md</c>); null when the link is external or climbs out of the language folder.</param>
/// <param name="IsExternal">Another site, or an address on this site written from its root (<c>/appointments/request</c>).</param>
public sealed record PageLink(int Line, int Column, string Written, bool IsImage, bool IsExternal, string? TargetFile, string? Fragment, string? AltText);

/// <summary>
/// Rewrites links so content stays portable: editors link to <c>other-page.md</c> (which works
/// in any Markdown editor) and readers get the site URL; images resolve against the page's own
/// folder and are served from <see cref="ContentFilesPath"/>.
/// </summary>
public static class LinkRewriter
{
    /// <summary>The URL prefix under which files beside the pages (images) are served.</summary>
    public const string ContentFilesPath = "/content-files";

    public static IReadOnlyList<PageLink> Rewrite(MarkdownDocument document, string language, string fileRelativeToLanguage, string defaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(document);
        var links = new List<PageLink>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            var written = link.Url ?? "";
            var line = link.Line + 1;
            var column = link.Column + 1;
            var alt = link.IsImage ? PlainText.Of(link) : null;

            if (IsExternalOrRooted(written))
            {
                links.Add(new PageLink(line, column, written, link.IsImage, IsExternal: true, null, null, alt));
                continue;
            }

            var hash = written.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? written : written[..hash];
            // As a browser compares it with ids: percent-escapes decoded, in Unicode form C (as HeadingIds writes ids).
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(written[(hash + 1)..]).Normalize(System.Text.NormalizationForm.FormC);
            if (path.Length == 0)
            {
                // "#heading" on the same page.
                links.Add(new PageLink(line, column, written, link.IsImage, IsExternal: false, $"{language}/{fileRelativeToLanguage}", fragment, alt));
                continue;
            }

            var combined = ContentPaths.Combine(fileRelativeToLanguage, Uri.UnescapeDataString(path));
            if (combined is null)
            {
                links.Add(new PageLink(line, column, written, link.IsImage, IsExternal: false, null, fragment, alt));
                continue;
            }

            if (link.IsImage)
            {
                link.Url = $"{ContentFilesPath}/{language}/{string.Join('/', combined.Split('/').Select(Uri.EscapeDataString))}";
            }
            else if (combined.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var url = ContentPaths.UrlOf(language, ContentPaths.SlugOf(combined), defaultLanguage);
                link.Url = fragment is null ? url : $"{url}#{fragment}";
            }

            links.Add(new PageLink(line, column, written, link.IsImage, IsExternal: false, $"{language}/{combined}", fragment, alt));
        }

        return links;
    }

    private static bool IsExternalOrRooted(string url) =>
        url.StartsWith('/') || url.StartsWith('\\') || Uri.TryCreate(url, UriKind.Absolute, out _) || url.Contains(':', StringComparison.Ordinal);
}

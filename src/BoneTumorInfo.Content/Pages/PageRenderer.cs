using System.Globalization;
using System.Net;
using System.Text;
using BoneTumorInfo.Content.Glossary;
using BoneTumorInfo.Content.Markdown;
using BoneTumorInfo.Content.Markdown.CareCards;
using BoneTumorInfo.Content.Markdown.Links;
using BoneTumorInfo.Content.Markdown.Placeholders;
using BoneTumorInfo.Content.Readability;
using BoneTumorInfo.Content.Service;
using Markdig.Extensions.CustomContainers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Pages;

/// <summary>Markdown text in, safe HTML and the page's outline out.</summary>
public static class PageRenderer
{
    /// <param name="service">Fills the page's <c>{{ … }}</c> placeholders; with none they show nothing.</param>
    public static RenderedPage Render(PageEntry entry, string text, string defaultLanguage, GlossaryTerms? glossary = null, ServiceProfile? service = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        glossary ??= GlossaryTerms.Empty;
        var document = Markdig.Markdown.Parse(text, ContentMarkdown.Pipeline);
        // Filled first, so the reading level, headings and glossary all see the details' words.
        var placeholders = PlaceholderFiller.Fill(document, service, entry.Language);
        var links = LinkRewriter.Rewrite(document, entry.Language, entry.PathInLanguage, defaultLanguage);

        var headings = document.Descendants<HeadingBlock>()
            .Select(h => new PageHeading(h.Level, h.TryGetAttributes()?.Id ?? "", PlainText.Of(h), h.Line + 1, h.Column + 1))
            .ToList();

        var blocks = document.Descendants<CustomContainer>()
            .Select(c => new PageBlock(c.Info ?? "", CareCardRenderer.KindOf(c) is not null, c.Count > 0 && c[0] is HeadingBlock, c.Line + 1, c.Column + 1))
            .ToList();

        var isGlossaryPage = entry.PathInLanguage == GlossaryTerms.PageFile;
        // Measured before glossary markup is added: the definitions in it are not the page's own text.
        var ownSentences = isGlossaryPage ? glossary.Entries.Select(e => e.Definition).ToList() : null;
        var reading = ReadingLevelMeter.Measure(document, ownSentences);
        var bangla = entry.Language == "bn" ? BanglaReadingLevelMeter.Measure(document, ownSentences) : null;
        if (!isGlossaryPage)
        {
            GlossaryMarker.Mark(document, glossary, ContentPaths.UrlOf(entry.Language, "glossary", defaultLanguage), entry.Language);
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentMarkdown.Pipeline.Setup(renderer);
        renderer.Render(document);
        if (isGlossaryPage)
        {
            headings.AddRange(WriteGlossary(writer, glossary));
        }

        writer.Flush();
        return new RenderedPage(entry, HtmlSafety.Clean(writer.ToString()), headings, links, reading, blocks) { Placeholders = placeholders, BanglaReadingLevel = bangla };
    }

    /// <summary>The glossary's entries, A to Z, with a heading per letter for the "on this page" list.</summary>
    private static List<PageHeading> WriteGlossary(StringWriter writer, GlossaryTerms glossary)
    {
        var headings = new List<PageHeading>();
        var groups = glossary.Entries
            .OrderBy(e => e.Term, StringComparer.OrdinalIgnoreCase)
            .GroupBy(e => char.ToUpperInvariant(e.Term[0]).ToString());
        var html = new StringBuilder();
        foreach (var group in groups)
        {
            var id = "letter-" + group.Key.ToLowerInvariant();
            headings.Add(new PageHeading(2, id, group.Key, 0, 0));
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{WebUtility.HtmlEncode(id)}\">{WebUtility.HtmlEncode(group.Key)}</h2>\n<dl class=\"glossary\">\n");
            foreach (var entry in group)
            {
                html.Append(CultureInfo.InvariantCulture, $"<dt id=\"{WebUtility.HtmlEncode(entry.Id)}\"><dfn>{WebUtility.HtmlEncode(entry.Term)}</dfn></dt>\n");
                html.Append(CultureInfo.InvariantCulture, $"<dd>{WebUtility.HtmlEncode(entry.Definition)}</dd>\n");
            }

            html.Append("</dl>\n");
        }

        writer.Write(html.ToString());
        return headings;
    }
}

using BoneTumorInfo.Content.Markdown;
using BoneTumorInfo.Content.Markdown.Links;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Pages;

/// <summary>Markdown text in, safe HTML and the page's outline out.</summary>
public static class PageRenderer
{
    public static RenderedPage Render(PageEntry entry, string text, string defaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var document = Markdig.Markdown.Parse(text, ContentMarkdown.Pipeline);
        var links = LinkRewriter.Rewrite(document, entry.Language, entry.PathInLanguage, defaultLanguage);

        var headings = document.Descendants<HeadingBlock>()
            .Select(h => new PageHeading(h.Level, h.TryGetAttributes()?.Id ?? "", PlainText.Of(h), h.Line + 1, h.Column + 1))
            .ToList();

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentMarkdown.Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();

        return new RenderedPage(entry, HtmlSafety.Clean(writer.ToString()), headings, links);
    }
}

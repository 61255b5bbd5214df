using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Markdown;

/// <summary>
/// Heading ids that keep Bengali whole. Markdig's GitHub-style ids keep only characters that
/// are letters or digits, and Bengali vowel signs and marks (া ি ী ু ূ ৃ ে ৈ ো ৌ ্ ঁ ং ঃ ়) are
/// combining marks, not letters: "শিরোনাম" became "শরনম", and a link to <c>#শিরোনাম</c> led
/// nowhere. Here an id is the heading's text with letters and digits lower-cased, combining
/// marks and the zero-width (non-)joiners kept as written (GitHub itself keeps them, as word
/// characters), spaces turned to hyphens and other punctuation dropped; the result is in
/// Unicode form C. Text without combining marks gets exactly the id Markdig gave it before, so
/// links to English headings keep working. Repeated ids get -1, -2, … as before.
/// </summary>
public sealed class HeadingIds : IMarkdownExtension
{
    private const string UsedIdsKey = "BoneTumorInfo.HeadingIds";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        // ATX headings close in the heading parser; setext headings start life as paragraphs.
        if (pipeline.BlockParsers.Find<HeadingBlockParser>() is { } headings)
        {
            headings.Closed -= OnClosed;
            headings.Closed += OnClosed;
        }

        if (pipeline.BlockParsers.FindExact<ParagraphBlockParser>() is { } paragraphs)
        {
            paragraphs.Closed -= OnClosed;
            paragraphs.Closed += OnClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    /// <summary>The id of a heading with this text (before any -1, -2 for repeats).</summary>
    public static string IdOf(string headingText)
    {
        ArgumentNullException.ThrowIfNull(headingText);
        var id = new StringBuilder(headingText.Length);
        foreach (var c in headingText)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                id.Append(char.ToLowerInvariant(c));
            }
            else if (c == ' ')
            {
                id.Append('-');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                     || c is '\u200C' or '\u200D')
            {
                id.Append(c);
            }
        }

        return id.ToString().Normalize(NormalizationForm.FormC);
    }

    private static void OnClosed(BlockProcessor processor, Block block)
    {
        if (block is HeadingBlock heading) heading.ProcessInlinesEnd += OnInlinesDone;
    }

    private static void OnInlinesDone(InlineProcessor processor, Inline? inline)
    {
        var heading = (HeadingBlock)processor.Block!;
        if (heading.Inline is null) return;
        var attributes = heading.GetAttributes();
        if (attributes.Id is not null) return;

        if (processor.Document.GetData(UsedIdsKey) is not HashSet<string> used)
        {
            used = new HashSet<string>(StringComparer.Ordinal);
            processor.Document.SetData(UsedIdsKey, used);
        }

        // The heading's text without markup, the way Markdig's own auto-identifiers take it.
        using var writer = new StringWriter();
        var strip = new HtmlRenderer(writer) { EnableHtmlForInline = false, EnableHtmlEscape = false };
        strip.Render(heading.Inline);
        var id = IdOf(writer.ToString());
        if (id.Length == 0) id = "section";

        var unique = id;
        for (var n = 1; !used.Add(unique); n++) unique = $"{id}-{n}";
        attributes.Id = unique;
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BoneTumorInfo.Content.Readability;

/// <summary>The Flesch-Kincaid grade of a page's body text, with what it was worked out from.</summary>
public sealed record ReadingLevel(int Words, int Sentences, int Syllables, IReadOnlyList<string> LongestSentences)
{
    /// <summary>US school grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.</summary>
    public double Grade => Words == 0 || Sentences == 0
        ? 0
        : Math.Round((0.39 * Words / Sentences) + (11.8 * Syllables / Words) - 15.59, 1);
}

/// <summary>
/// Measures what a reader reads as sentences:
/// <list type="bullet">
/// <item>Paragraphs, list items, table cells and care-card text count; a list item or cell
/// without a full stop is one sentence (as "Call 999" is).</item>
/// <item>Headings are left out (they are labels, not sentences), and so are code and images.</item>
/// <item>Link text counts as the words it is.</item>
/// <item>A sentence ends at ".", "!" or "?" followed by a space and a capital letter or digit, or
/// at the end of its paragraph, so "e.g. this" does not end one.</item>
/// </list>
/// </summary>
public static partial class ReadingLevelMeter
{
    public static ReadingLevel Measure(MarkdownDocument document, IEnumerable<string>? extraSentences = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var sentences = new List<string>();
        foreach (var paragraph in Paragraphs(document))
        {
            sentences.AddRange(SplitSentences(paragraph));
        }

        if (extraSentences is not null)
        {
            foreach (var extra in extraSentences) sentences.AddRange(SplitSentences(extra));
        }

        return Measure(sentences);
    }

    public static ReadingLevel Measure(IEnumerable<string> sentences)
    {
        var read = SentenceWords.Of(sentences, WordPattern());
        return new ReadingLevel(read.WordCount, read.Sentences.Count, read.AllWords.Sum(Syllables.Count), read.Longest());
    }

    /// <summary>The text a reader reads as sentences: paragraphs (list items, cells and care-card text included), without code or images.</summary>
    internal static IEnumerable<string> Paragraphs(MarkdownDocument document) =>
        document.Descendants<ParagraphBlock>().Select(p => InlineText(p.Inline));

    public static IEnumerable<string> SplitSentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        void Walk(Inline? node)
        {
            switch (node)
            {
                case null:
                case CodeInline:
                case LinkInline { IsImage: true }:
                    return;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    return;
                case LineBreakInline:
                    text.Append(' ');
                    return;
                case ContainerInline container:
                    foreach (var child in container) Walk(child);
                    return;
            }
        }

        Walk(inline);
        return text.ToString();
    }

    [GeneratedRegex(@"(?<=[.!?])[""')\]]*\s+(?=[\p{Lu}\p{N}])")]
    private static partial Regex SentenceEnd();

    /// <summary>A word: letters or digits, with inner apostrophes, hyphens or full stops ("don't", "x-ray", "38.5").</summary>
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*")]
    private static partial Regex WordPattern();
}

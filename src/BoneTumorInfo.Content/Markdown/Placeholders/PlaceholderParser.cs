using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Markdown.Placeholders;

/// <summary>
/// Parses <c>{{ key }}</c> on one line into a <see cref="PlaceholderInline"/>. Any key is
/// accepted here, so an unknown one becomes a node the checker can point at (and that renders
/// as nothing) rather than braces a reader would see. Inside code spans it stays literal text,
/// which is how the editors' guide shows it.
/// </summary>
public sealed class PlaceholderParser : InlineParser
{
    /// <summary>Longest key looked for; longer text between braces is not a placeholder.</summary>
    private const int MaxKeyLength = 80;

    public PlaceholderParser()
    {
        OpeningCharacters = ['{'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        ArgumentNullException.ThrowIfNull(processor);
        var text = slice.Text;
        var start = slice.Start;
        if (slice.PeekChar() != '{') return false;
        var close = -1;
        for (var i = start + 2; i < slice.End && i <= start + 2 + MaxKeyLength; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '{') return false;
            if (c == '}' && text[i + 1] == '}')
            {
                close = i;
                break;
            }
        }

        if (close < 0) return false;
        var key = text[(start + 2)..close].Trim();
        if (key.Length == 0) return false;
        var written = text[start..(close + 2)];
        var position = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new PlaceholderInline(key.ToLowerInvariant(), written)
        {
            Span = new SourceSpan(position, position + written.Length - 1),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}

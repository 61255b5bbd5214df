using BoneTumorInfo.Content.Diagnostics;

namespace BoneTumorInfo.Content.Pages;

/// <summary>
/// Limits no real page comes near, checked before Markdig sees the text. Markdig has no depth
/// limit: thousands of nested lists, quotes, links, emphasis or care cards made one page take
/// 80 seconds and 330 MB to fail, and the checker crash. A page past a limit is refused as a
/// content error (the site shows "this page is being updated" for it alone).
/// <para>The scan is one cheap pass over the lines. It over-counts rather than under-counts
/// (every space of indentation counts half a level), which is safe with limits this far above
/// real pages: the deepest page on the site nests 3 levels.</para>
/// </summary>
public static class PageLimits
{
    /// <summary>The largest page file, in bytes. The longest real page is under 20 KB.</summary>
    public const long MaxFileBytes = 512 * 1024;

    /// <summary>Quotes, lists and care cards inside each other, counted per line.</summary>
    public const int MaxNesting = 32;

    /// <summary>Link and image brackets open at once within one paragraph.</summary>
    public const int MaxOpenBrackets = 32;

    /// <summary>Emphasis marks (* or _) open at once within one paragraph: 32 levels of **bold**.</summary>
    public const int MaxOpenEmphasis = 64;

    /// <summary>The first place a page's text goes past a limit, as an error; null when it stays within them all.</summary>
    public static ContentDiagnostic? Check(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cards = 0;
        int brackets = 0, emphasis = 0;
        string? fence = null;
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine;
            var (containers, start) = ContainerPrefix(line);
            var rest = line[start..];
            var trimmed = rest.TrimStart(" \t");

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal)) fence = null;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3].ToString();
                continue;
            }

            if (trimmed.StartsWith(":::", StringComparison.Ordinal))
            {
                if (trimmed.TrimStart(':').Trim().Length > 0) cards++;
                else cards = Math.Max(0, cards - 1);
            }

            if (containers + cards > MaxNesting)
            {
                return Error(displayPath, lineNumber, $"the page is nested too deeply here (more than {MaxNesting} quotes, lists or boxes inside each other); no page needs that many: flatten it");
            }

            if (trimmed.IsEmpty)
            {
                // A blank line ends the paragraph: nothing stays open across it.
                brackets = emphasis = 0;
                continue;
            }

            var problem = ScanInline(rest, ref brackets, ref emphasis);
            if (problem is not null) return Error(displayPath, lineNumber, problem);
        }

        return null;
    }

    /// <summary>How many quote and list markers start the line, plus half a level per column of indentation.</summary>
    private static (int Depth, int End) ContainerPrefix(ReadOnlySpan<char> line)
    {
        int markers = 0, columns = 0, i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == ' ')
            {
                columns++;
                i++;
            }
            else if (c == '\t')
            {
                columns += 4;
                i++;
            }
            else if (c == '>')
            {
                markers++;
                i++;
            }
            else if (c is '-' or '+' or '*' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t'))
            {
                markers++;
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var j = i;
                while (j < line.Length && j - i < 9 && char.IsAsciiDigit(line[j])) j++;
                if (j < line.Length && line[j] is '.' or ')' && (j + 1 == line.Length || line[j + 1] is ' ' or '\t'))
                {
                    markers++;
                    i = j + 1;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return (markers + (columns / 2), i);
    }

    private static string? ScanInline(ReadOnlySpan<char> line, ref int brackets, ref int emphasis)
    {
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++; // an escaped character is plain text
                continue;
            }

            if (c == '[')
            {
                if (++brackets > MaxOpenBrackets)
                {
                    return $"links or images are nested too deeply here (more than {MaxOpenBrackets} square brackets open at once); no page needs that many";
                }
            }
            else if (c == ']')
            {
                brackets = Math.Max(0, brackets - 1);
            }
            else if (c is '*' or '_')
            {
                var run = 1;
                while (i + run < line.Length && line[i + run] == c) run++;
                var before = i == 0 ? ' ' : line[i - 1];
                var after = i + run < line.Length ? line[i + run] : ' ';
                // CommonMark's flanking rules, roughly: a run that can only open adds, one that can only close takes away.
                static bool Plain(char x) => !char.IsWhiteSpace(x) && !char.IsPunctuation(x) && !char.IsSymbol(x);
                var opens = !char.IsWhiteSpace(after) && (Plain(after) || !Plain(before));
                var closes = !char.IsWhiteSpace(before) && (Plain(before) || !Plain(after));
                if (opens && (!closes || emphasis == 0)) emphasis += run;
                else if (closes) emphasis = Math.Max(0, emphasis - run);
                if (emphasis > MaxOpenEmphasis)
                {
                    return $"emphasis is nested too deeply here (more than {MaxOpenEmphasis} * or _ marks open at once); no page needs that many";
                }

                i += run - 1;
            }
        }

        return null;
    }

    private static ContentDiagnostic Error(string file, int line, string message) =>
        new(file, line, 1, DiagnosticSeverity.Error, message);
}

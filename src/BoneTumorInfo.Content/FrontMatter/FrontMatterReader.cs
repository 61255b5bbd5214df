using System.Globalization;
using BoneTumorInfo.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BoneTumorInfo.Content.FrontMatter;

/// <summary>
/// Reads the YAML block at the top of a page into <see cref="PageFrontMatter"/>. It walks the
/// YAML node tree itself (rather than deserialising) so every message can name the line of the
/// key at fault, in words an editor understands.
/// </summary>
public static partial class FrontMatterReader
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Every key the site understands, with what it expects. The editors' guide lists the same keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "text (required)",
        ["description"] = "one sentence of text (required)",
        ["order"] = "a whole number (optional, default 0)",
        ["last_reviewed"] = "a date written as YYYY-MM-DD (required)",
        ["next_review_due"] = "a date written as YYYY-MM-DD (required)",
        ["reviewed_by"] = "a role, as text (required)",
        ["draft"] = "true or false (optional, default false)",
        ["steps"] = "true or false (optional, only on a folder's index.md)",
    };

    private static readonly string[] Required = ["title", "description", "last_reviewed", "next_review_due", "reviewed_by"];

    /// <summary>The front matter's lines, and the 1-based file line where its YAML starts.</summary>
    public sealed record Block(string Yaml, int FirstLine);

    /// <summary>Finds the <c>---</c> … <c>---</c> block at the very top of a file.</summary>
    public static Block? FindBlock(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        // Line by line up to the closing line only: the page's body (most of the file) is not split.
        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var first = firstEnd < 0 ? text.AsSpan() : text.AsSpan(0, firstEnd);
        if (!first.TrimEnd("\r \t").SequenceEqual("---"))
        {
            problem = "the page must start with front matter: a line with three dashes (---), the page's details, then another ---";
            return null;
        }

        const string NoClosingLine = "the front matter has no closing line of three dashes (---)";
        if (firstEnd < 0)
        {
            problem = NoClosingLine;
            return null;
        }

        var yamlStart = firstEnd + 1;
        for (var lineStart = yamlStart; ; )
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = (lineEnd < 0 ? text.AsSpan(lineStart) : text.AsSpan(lineStart, lineEnd - lineStart)).TrimEnd("\r \t");
            if (line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                // The lines between, joined by \n as before (the line before the closing one keeps any \r).
                var yaml = lineStart == yamlStart ? "" : text[yamlStart..(lineStart - 1)];
                return new Block(yaml, 2);
            }

            if (lineEnd < 0)
            {
                problem = NoClosingLine;
                return null;
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>
    /// Whether the top of a page says <c>draft: true</c>, read leniently for front matter that does
    /// not parse: a draft must stay hidden from readers (404) whatever state its front matter is
    /// in. Looks at the lines before the closing <c>---</c> (or the first 40 lines when there is
    /// none); accepts any spacing, case, quotes or comment, and true/yes/on.
    /// </summary>
    public static bool SaysDraft(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Line by line in place: every page is checked at start-up, and splitting copied the rest
        // of each file into a new string.
        var rest = text.AsSpan();
        for (var i = 0; i < 41; i++)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).Trim();
            if (i > 0 && (line.SequenceEqual("---") || line.SequenceEqual("..."))) return false;
            if (DraftLine().IsMatch(line)) return true;
            if (end < 0) return false;
            rest = rest[(end + 1)..];
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^draft\s*:\s*([""']?)(true|yes|on)\1\s*(#.*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DraftLine();

    public static PageFrontMatter? Read(string text, string file, ICollection<ContentDiagnostic> diagnostics) =>
        Read(text, file, diagnostics, allowPlainLines: true);

    /// <param name="allowPlainLines">False for tests: always parse with YamlDotNet.</param>
    internal static PageFrontMatter? Read(string text, string file, ICollection<ContentDiagnostic> diagnostics, bool allowPlainLines)
    {
        var block = FindBlock(text, out var problem);
        if (block is null)
        {
            diagnostics.Add(Error(file, 1, 1, problem!));
            return null;
        }

        var pairs = (allowPlainLines ? PlainLines(block.Yaml) : null) ?? YamlPairs(block, file, diagnostics);
        return pairs is null ? null : Check(pairs, block, file, diagnostics);
    }

    /// <summary>
    /// One key and its value as written: the value's text (null when it is not text, such as a
    /// list), and where each starts (1-based line and column within the YAML).
    /// </summary>
    internal readonly record struct Pair(string Key, int KeyLine, int KeyColumn, string? Value, int ValueLine, int ValueColumn);

    /// <summary>
    /// The front matter as every page writes it: nothing but lines of <c>key: plain text</c>. Read
    /// here without a YAML parser, the same as YamlDotNet reads it, for the page index reads the
    /// front matter of every page at start-up (at 10,000 pages YAML parsing was a third of the
    /// index's time). Null for anything else (quotes, comments, lists, a blank line, a value
    /// YAML would read differently or reject): YamlDotNet reads those, with its messages.
    /// </summary>
    internal static List<Pair>? PlainLines(string yaml)
    {
        if (yaml.Length == 0) return null;
        var pairs = new List<Pair>(8);
        var lineNumber = 0;
        for (var lineStart = 0; lineStart <= yaml.Length; )
        {
            lineNumber++;
            var lineEnd = yaml.IndexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = yaml.Length;
            var line = yaml.AsSpan(lineStart, lineEnd - lineStart);
            if (line.EndsWith("\r")) line = line[..^1];
            lineStart = lineEnd + 1;

            // The key: small letters and underscores from the first column, then ": ".
            var colon = 0;
            while (colon < line.Length && (char.IsAsciiLetterLower(line[colon]) || line[colon] == '_')) colon++;
            if (colon == 0 || colon + 1 >= line.Length || line[colon] != ':' || line[colon + 1] != ' ') return null;
            var valueStart = colon + 1;
            while (valueStart < line.Length && line[valueStart] == ' ') valueStart++;
            var value = line[valueStart..].TrimEnd(' ');
            if (value.IsEmpty || !IsPlainText(value)) return null;

            var key = line[..colon].ToString();
            foreach (var pair in pairs)
            {
                // Written twice: YamlDotNet's message names it.
                if (pair.Key == key) return null;
            }

            pairs.Add(new Pair(key, lineNumber, 1, value.ToString(), lineNumber, valueStart + 1));
        }

        return pairs;
    }

    /// <summary>
    /// Text YAML reads as itself: a plain scalar that starts with no indicator, holds no ": "
    /// or " #" (a nested key, a comment), does not end with ":", and has no tab, control
    /// character, line separator or lone surrogate.
    /// </summary>
    private static bool IsPlainText(ReadOnlySpan<char> value)
    {
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0])) return false;
        if (value[^1] == ':' || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)) return false;
        foreach (var c in value)
        {
            if (c < ' ' || c is >= '\u007F' and <= '\u009F' || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF') return false;
        }

        return true;
    }

    /// <summary>The pairs as YamlDotNet reads them; null (with a message) when it cannot.</summary>
    private static List<Pair>? YamlPairs(Block block, string file, ICollection<ContentDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(block.Yaml));
        }
        catch (YamlException ex)
        {
            var message = ex.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"'{ex.Message["Duplicate key ".Length..]}' is written twice"
                : $"the front matter is not valid YAML: {ex.InnerException?.Message ?? ex.Message}";
            diagnostics.Add(Error(file, block.FirstLine + (int)ex.Start.Line - 1, (int)ex.Start.Column, message));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on an unclosed [ or { (seen with "title: [Secret"
            // followed by another key); it must not take the whole index down with it.
            diagnostics.Add(Error(file, block.FirstLine, 1, "the front matter is not valid YAML: look for an unclosed [ or { (put text that starts with [ in quotes)"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            diagnostics.Add(Error(file, block.FirstLine, 1, "the front matter must be a list of 'key: value' lines"));
            return null;
        }

        return map.Children.Select(child => new Pair(
            (child.Key as YamlScalarNode)?.Value ?? "", (int)child.Key.Start.Line, (int)child.Key.Start.Column,
            (child.Value as YamlScalarNode)?.Value, (int)child.Value.Start.Line, (int)child.Value.Start.Column)).ToList();
    }

    private static PageFrontMatter? Check(List<Pair> pairs, Block block, string file, ICollection<ContentDiagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count(d => d.IsError);
        int FileLine(int yamlLine) => block.FirstLine + yamlLine - 1;

        var values = new Dictionary<string, Pair>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var key = pair.Key;
            if (!Keys.ContainsKey(key))
            {
                var hint = Keys.Keys.FirstOrDefault(k => string.Equals(k, key.Replace('-', '_').Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
                diagnostics.Add(Error(file, FileLine(pair.KeyLine), pair.KeyColumn,
                    hint is null
                        ? $"unknown front-matter key '{key}' (the keys are: {string.Join(", ", Keys.Keys)})"
                        : $"unknown front-matter key '{key}'; did you mean '{hint}'?"));
                continue;
            }

            values[key] = pair;
        }

        foreach (var key in Required.Where(k => !values.ContainsKey(k)))
        {
            diagnostics.Add(Error(file, block.FirstLine, 1, $"missing '{key}': every page needs {Keys[key]}"));
        }

        string Text(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return "";
            if (entry.Value is { } s && !string.IsNullOrWhiteSpace(s)) return s.Trim();
            diagnostics.Add(Error(file, FileLine(entry.KeyLine), entry.KeyColumn, $"'{key}' must be {Keys[key]}, and it is empty or not text"));
            return "";
        }

        DateOnly Date(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return default;
            var raw = entry.Value?.Trim() ?? "";
            if (DateOnly.TryParseExact(raw, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            var reason = System.Text.RegularExpressions.Regex.IsMatch(raw, @"^\d{4}-\d{2}-\d{2}$")
                ? $"'{raw}' is not a real date"
                : $"'{raw}' is not written as YYYY-MM-DD";
            diagnostics.Add(Error(file, FileLine(entry.ValueLine), entry.ValueColumn, $"'{key}' must be {Keys[key]}: {reason}"));
            return default;
        }

        int Number(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return 0;
            var raw = entry.Value?.Trim() ?? "";
            if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            diagnostics.Add(Error(file, FileLine(entry.ValueLine), entry.ValueColumn, $"'{key}' must be {Keys[key]}, not '{raw}'"));
            return 0;
        }

        bool Flag(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return false;
            var raw = entry.Value?.Trim() ?? "";
            if (raw is "true" or "True" or "yes") return true;
            if (raw is "false" or "False" or "no") return false;
            diagnostics.Add(Error(file, FileLine(entry.ValueLine), entry.ValueColumn, $"'{key}' must be {Keys[key]}, not '{raw}'"));
            return false;
        }

        var result = new PageFrontMatter
        {
            Title = Text("title"),
            Description = Text("description"),
            Order = Number("order"),
            LastReviewed = Date("last_reviewed"),
            NextReviewDue = Date("next_review_due"),
            ReviewedBy = Text("reviewed_by"),
            Draft = Flag("draft"),
            Steps = Flag("steps"),
            KeyLines = values.ToDictionary(v => v.Key, v => FileLine(v.Value.KeyLine), StringComparer.Ordinal),
        };

        if (result.LastReviewed != default && result.NextReviewDue != default && result.NextReviewDue <= result.LastReviewed
            && values.TryGetValue("next_review_due", out var due))
        {
            diagnostics.Add(Error(file, FileLine(due.ValueLine), due.ValueColumn, "'next_review_due' must be after 'last_reviewed'"));
        }

        return diagnostics.Count(d => d.IsError) > errorsBefore ? null : result;
    }

    private static ContentDiagnostic Error(string file, int line, int column, string message) =>
        new(file, line, column, DiagnosticSeverity.Error, message);
}

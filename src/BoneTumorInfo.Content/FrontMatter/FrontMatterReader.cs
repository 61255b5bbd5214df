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
        var lines = text.Split('\n', 42);
        for (var i = 0; i < Math.Min(lines.Length, 41); i++)
        {
            var line = lines[i].Trim();
            if (i > 0 && line is "---" or "...") return false;
            if (DraftLine().IsMatch(line)) return true;
        }

        return false;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^draft\s*:\s*([""']?)(true|yes|on)\1\s*(#.*)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DraftLine();

    public static PageFrontMatter? Read(string text, string file, ICollection<ContentDiagnostic> diagnostics)
    {
        var block = FindBlock(text, out var problem);
        if (block is null)
        {
            diagnostics.Add(Error(file, 1, 1, problem!));
            return null;
        }

        return Parse(block, file, diagnostics);
    }

    private static PageFrontMatter? Parse(Block block, string file, ICollection<ContentDiagnostic> diagnostics)
    {
        int errorsBefore = diagnostics.Count(d => d.IsError);
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

        int LineOf(YamlNode node) => block.FirstLine + (int)node.Start.Line - 1;
        int ColumnOf(YamlNode node) => (int)node.Start.Column;

        var values = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!Keys.ContainsKey(key))
            {
                var hint = Keys.Keys.FirstOrDefault(k => string.Equals(k, key.Replace('-', '_').Replace(' ', '_'), StringComparison.OrdinalIgnoreCase));
                diagnostics.Add(Error(file, LineOf(keyNode), ColumnOf(keyNode),
                    hint is null
                        ? $"unknown front-matter key '{key}' (the keys are: {string.Join(", ", Keys.Keys)})"
                        : $"unknown front-matter key '{key}'; did you mean '{hint}'?"));
                continue;
            }

            values[key] = (keyNode, valueNode);
        }

        foreach (var key in Required.Where(k => !values.ContainsKey(k)))
        {
            diagnostics.Add(Error(file, block.FirstLine, 1, $"missing '{key}': every page needs {Keys[key]}"));
        }

        string Text(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return "";
            if (entry.Value is YamlScalarNode { Value: { } s } && !string.IsNullOrWhiteSpace(s)) return s.Trim();
            diagnostics.Add(Error(file, LineOf(entry.Key), ColumnOf(entry.Key), $"'{key}' must be {Keys[key]}, and it is empty or not text"));
            return "";
        }

        DateOnly Date(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return default;
            var raw = (entry.Value as YamlScalarNode)?.Value?.Trim() ?? "";
            if (DateOnly.TryParseExact(raw, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            var reason = System.Text.RegularExpressions.Regex.IsMatch(raw, @"^\d{4}-\d{2}-\d{2}$")
                ? $"'{raw}' is not a real date"
                : $"'{raw}' is not written as YYYY-MM-DD";
            diagnostics.Add(Error(file, LineOf(entry.Value), ColumnOf(entry.Value), $"'{key}' must be {Keys[key]}: {reason}"));
            return default;
        }

        int Number(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return 0;
            var raw = (entry.Value as YamlScalarNode)?.Value?.Trim() ?? "";
            if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            diagnostics.Add(Error(file, LineOf(entry.Value), ColumnOf(entry.Value), $"'{key}' must be {Keys[key]}, not '{raw}'"));
            return 0;
        }

        bool Flag(string key)
        {
            if (!values.TryGetValue(key, out var entry)) return false;
            var raw = (entry.Value as YamlScalarNode)?.Value?.Trim() ?? "";
            if (raw is "true" or "True" or "yes") return true;
            if (raw is "false" or "False" or "no") return false;
            diagnostics.Add(Error(file, LineOf(entry.Value), ColumnOf(entry.Value), $"'{key}' must be {Keys[key]}, not '{raw}'"));
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
            KeyLines = values.ToDictionary(v => v.Key, v => LineOf(v.Value.Key), StringComparer.Ordinal),
        };

        if (result.LastReviewed != default && result.NextReviewDue != default && result.NextReviewDue <= result.LastReviewed
            && values.TryGetValue("next_review_due", out var due))
        {
            diagnostics.Add(Error(file, LineOf(due.Value), ColumnOf(due.Value), "'next_review_due' must be after 'last_reviewed'"));
        }

        return diagnostics.Count(d => d.IsError) > errorsBefore ? null : result;
    }

    private static ContentDiagnostic Error(string file, int line, int column, string message) =>
        new(file, line, column, DiagnosticSeverity.Error, message);
}

using System.Text.RegularExpressions;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Pages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BoneTumorInfo.Content.Glossary;

/// <summary>One glossary entry: the term, the other forms it takes in pages, and one plain sentence.</summary>
public sealed record GlossaryEntry(string Term, IReadOnlyList<string> Also, string Definition, int Line)
{
    /// <summary>
    /// The entry's anchor on the glossary page (<c>/glossary#ct-scan</c>): the term's Latin letters,
    /// so "বায়োপসি (Biopsy)" is <c>#biopsy</c>; a term with none gets a stable id of its own.
    /// </summary>
    public string Id { get; } = ContentPaths.Slugify(Term) is { Length: > 0 } slug
        ? slug
        : "term-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Term)))[..8];

    public IEnumerable<string> Forms => Also.Prepend(Term);
}

/// <summary>
/// The glossary of one language: <c>content/&lt;lang&gt;/glossary.yml</c>, a list of entries that
/// staff edit. The glossary page lists them; every other page marks the first use of each term.
/// </summary>
public sealed partial class GlossaryTerms
{
    public const string FileName = "glossary.yml";

    /// <summary>The page the entries are shown on, relative to its language folder.</summary>
    public const string PageFile = "glossary.md";

    public static readonly GlossaryTerms Empty = new([]);

    private readonly Regex? _matcher;
    private readonly Dictionary<string, GlossaryEntry> _byForm = new(StringComparer.OrdinalIgnoreCase);

    public GlossaryTerms(IReadOnlyList<GlossaryEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries;
        foreach (var entry in entries)
        {
            foreach (var form in entry.Forms)
            {
                _byForm.TryAdd(form.Trim(), entry);
            }
        }

        if (_byForm.Count > 0)
        {
            // Longest forms first, so "giant cell tumour of bone" wins over "tumour".
            var alternatives = _byForm.Keys.OrderByDescending(f => f.Length).Select(f => Regex.Escape(f).Replace("\\ ", "\\s+", StringComparison.Ordinal));
            // Word edges include combining marks (\p{M}): Bengali vowel signs are marks, not letters.
            _matcher = new Regex($@"(?<![\p{{L}}\p{{M}}\p{{N}}-])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{M}}\p{{N}}]|-\p{{L}})",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>Every place in <paramref name="text"/> where a glossary term or one of its forms is used.</summary>
    public IEnumerable<(int Index, int Length, GlossaryEntry Entry)> Matches(string text)
    {
        if (_matcher is null) yield break;
        foreach (Match match in _matcher.Matches(text))
        {
            var form = WhiteSpace().Replace(match.Value, " ");
            if (_byForm.TryGetValue(form, out var entry)) yield return (match.Index, match.Length, entry);
        }
    }

    /// <summary>Reads a glossary file; problems (bad YAML, missing parts, a term twice) go to <paramref name="diagnostics"/>.</summary>
    public static GlossaryTerms Load(string path, string displayPath, ICollection<ContentDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!File.Exists(path)) return Empty;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(PageIndex.ReadText(path)));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(Error(displayPath, (int)ex.Start.Line, (int)ex.Start.Column, $"the glossary is not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return Empty;
        }

        if (stream.Documents.Count == 0) return Empty;
        if (stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            diagnostics.Add(Error(displayPath, 1, 1, "the glossary must be a list of entries, each starting with '- term:'"));
            return Empty;
        }

        var entries = new List<GlossaryEntry>();
        var seen = new Dictionary<string, GlossaryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in list.Children)
        {
            var line = (int)node.Start.Line;
            if (node is not YamlMappingNode map)
            {
                diagnostics.Add(Error(displayPath, line, (int)node.Start.Column, "each glossary entry needs 'term:' and 'definition:'"));
                continue;
            }

            string? term = null, definition = null;
            var also = new List<string>();
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "term":
                        term = (valueNode as YamlScalarNode)?.Value?.Trim();
                        break;
                    case "definition":
                        definition = (valueNode as YamlScalarNode)?.Value?.Trim();
                        break;
                    case "also" when valueNode is YamlSequenceNode forms:
                        also.AddRange(forms.Children.OfType<YamlScalarNode>().Select(f => f.Value?.Trim()).OfType<string>().Where(f => f.Length > 0));
                        break;
                    case "also":
                        diagnostics.Add(Error(displayPath, (int)valueNode.Start.Line, (int)valueNode.Start.Column, "'also' must be a list, like [biopsies, needle biopsy]"));
                        break;
                    default:
                        diagnostics.Add(Error(displayPath, (int)keyNode.Start.Line, (int)keyNode.Start.Column, $"unknown glossary key '{key}' (the keys are: term, also, definition)"));
                        break;
                }
            }

            if (string.IsNullOrEmpty(term) || string.IsNullOrEmpty(definition))
            {
                diagnostics.Add(Error(displayPath, line, (int)node.Start.Column, $"the glossary entry{(term is null ? "" : $" '{term}'")} needs both 'term:' and 'definition:'"));
                continue;
            }

            var entry = new GlossaryEntry(term, also, definition, line);
            var clash = entry.Forms.Select(f => seen.GetValueOrDefault(f)).FirstOrDefault(e => e is not null);
            if (clash is not null)
            {
                diagnostics.Add(Error(displayPath, line, (int)node.Start.Column, $"'{term}' is already in the glossary (line {clash.Line}); keep one entry"));
                continue;
            }

            foreach (var form in entry.Forms) seen[form] = entry;
            entries.Add(entry);
        }

        return new GlossaryTerms(entries);
    }

    private static ContentDiagnostic Error(string file, int line, int column, string message) =>
        new(file, line, column, DiagnosticSeverity.Error, message);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

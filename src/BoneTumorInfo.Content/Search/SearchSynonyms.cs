using System.Reflection;
using System.Text.RegularExpressions;

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// For one language: which words and phrases also find which others. From two sources: the lay
/// words patients type (<c>synonyms.&lt;lang&gt;.txt</c> beside this file, one way) and the
/// glossary (a term and its other forms find each other; a Bengali term's English in brackets
/// too, so "osteosarcoma" typed on a Bengali page finds "অস্টিওসারকোমা").
/// </summary>
public sealed partial class SearchSynonyms
{
    /// <summary>The longest phrase looked for, in words.</summary>
    public const int MaxPhraseLength = 6;

    public static readonly SearchSynonyms Empty = new();

    private readonly Dictionary<string, HashSet<string>> _also = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopWords = new(StringComparer.Ordinal);

    /// <summary>A word too common to search by when a search has other words ("what", "the", "কী").</summary>
    public bool IsStopWord(string term) => _stopWords.Contains(term);

    /// <summary>The phrases (terms joined by spaces) that <paramref name="phrase"/> also finds; empty when none.</summary>
    public IReadOnlyCollection<string> For(string phrase) => _also.TryGetValue(phrase, out var set) ? set : [];

    public bool Contains(string phrase) => _also.ContainsKey(phrase);

    /// <summary>Every term that is part of some synonym, so "did you mean" leaves them alone.</summary>
    public IEnumerable<string> Terms => _also.Keys.SelectMany(k => k.Split(' '));

    /// <summary>The lay words for a language (if it has a list) plus its glossary.</summary>
    public static SearchSynonyms For(string language, Glossary.GlossaryTerms? glossary)
    {
        var synonyms = new SearchSynonyms();
        if (ReadList(language) is { } list) synonyms.AddLines(list);
        if (glossary is not null) synonyms.AddGlossary(glossary);
        return synonyms;
    }

    /// <summary>Lines as in <c>synonyms.en.txt</c>: "a =&gt; b, c" one way, "a, b, c" every way, "stop: a, b" words left out.</summary>
    public void AddLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("stop:", StringComparison.Ordinal))
            {
                foreach (var word in line[5..].Split(',').Select(Phrase).Where(w => w.Length > 0 && !w.Contains(' ', StringComparison.Ordinal))) _stopWords.Add(word);
                continue;
            }

            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                var from = Phrase(line[..arrow]);
                foreach (var to in line[(arrow + 2)..].Split(',').Select(Phrase)) Add(from, to);
            }
            else
            {
                AddGroup(line.Split(',').Select(Phrase));
            }
        }
    }

    /// <summary>Each glossary entry's forms find each other; "বায়োপসি (Biopsy)" counts as both its words.</summary>
    public void AddGlossary(Glossary.GlossaryTerms glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        foreach (var entry in glossary.Entries)
        {
            AddGroup(entry.Forms.SelectMany(SplitBrackets).Select(Phrase));
        }
    }

    private static IEnumerable<string> SplitBrackets(string form)
    {
        var match = Bracketed().Match(form);
        if (!match.Success) return [form];
        return [match.Groups["outside"].Value, match.Groups["inside"].Value];
    }

    private void AddGroup(IEnumerable<string> phrases)
    {
        var group = phrases.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var from in group)
        {
            foreach (var to in group) Add(from, to);
        }
    }

    private void Add(string from, string to)
    {
        if (from.Length == 0 || to.Length == 0 || from == to) return;
        if (from.Count(c => c == ' ') >= MaxPhraseLength) return;
        if (!_also.TryGetValue(from, out var set)) _also[from] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(to);
    }

    /// <summary>A phrase as the index keeps it: its terms, folded, joined by spaces.</summary>
    private static string Phrase(string text) => SearchText.Indexable(text);

    private static string? ReadList(string language)
    {
        var assembly = typeof(SearchSynonyms).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($".synonyms.{language}.txt", StringComparison.Ordinal));
        if (name is null) return null;
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<outside>[^()]+)\((?<inside>[^()]+)\)\s*$")]
    private static partial Regex Bracketed();
}

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// What a reader typed, as FTS5 query text: each word (or phrase with synonyms) is a group of
/// alternatives, and the groups are joined with AND (then OR, when no page has them all).
/// Built only from folded terms, each quoted, so nothing typed is ever query syntax.
/// </summary>
internal sealed class QueryPlan
{
    /// <summary>A word or phrase as typed (<see cref="Terms"/>) and the phrases it also finds.</summary>
    internal sealed record Group(string[] Terms, IReadOnlyCollection<string> Also);

    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    private QueryPlan(List<Group> groups)
    {
        Groups = groups;
        foreach (var term in groups.SelectMany(g => g.Terms.Concat(g.Also.SelectMany(a => a.Split(' ')))))
        {
            if (IsPrefix(term)) _prefixes.Add(term);
            else _exact.Add(term);
        }
    }

    public IReadOnlyList<Group> Groups { get; }

    public static QueryPlan For(string text, SearchSynonyms synonyms)
    {
        var terms = SearchText.Terms(text).Where(t => !SearchText.IsLatin(t) || t.Length > 1 || char.IsDigit(t[0])).ToList();
        var groups = new List<Group>();
        for (var i = 0; i < terms.Count;)
        {
            // The longest run of words from here that has synonyms ("bone cancer" before "bone").
            var length = Math.Min(SearchSynonyms.MaxPhraseLength, terms.Count - i);
            for (; length > 1 && !synonyms.Contains(string.Join(' ', terms.Skip(i).Take(length))); length--)
            {
            }

            var words = terms.Skip(i).Take(length).ToArray();
            groups.Add(new Group(words, synonyms.For(string.Join(' ', words))));
            i += length;
        }

        var meaningful = groups.Where(g => g.Terms.Length > 1 || !synonyms.IsStopWord(g.Terms[0])).ToList();
        // Only stop words ("how"): search for them after all rather than for nothing.
        return new QueryPlan(meaningful.Count > 0 ? meaningful : groups);
    }

    /// <summary>The FTS5 query: the groups joined by <paramref name="joiner"/> (" AND " or " OR ").</summary>
    public string Expression(string joiner) => string.Join(joiner, Groups.Select(Expression));

    private static string Expression(Group group)
    {
        var alternatives = new List<string> { string.Join(" AND ", group.Terms.Select(Term)) };
        alternatives.AddRange(group.Also.Select(phrase => phrase.Split(' ') is { Length: > 1 } words
            ? $"NEAR({string.Join(' ', words.Select(Term))}, 2)"
            : Term(phrase)));
        return "(" + string.Join(" OR ", alternatives) + ")";
    }

    /// <summary>A term quoted for FTS5, with a star for a prefix search ("tumor" finds "tumoral", "হাড়" finds "হাড়ের").</summary>
    private static string Term(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (IsPrefix(term) ? "*" : "");

    /// <summary>
    /// Long enough to search by its start: Bengali endings (-এর, -কে, -গুলো) and English ones
    /// (-al, -ed) are then found without a stemmer. Short words must match whole.
    /// </summary>
    private static bool IsPrefix(string term) => SearchText.IsLatin(term) ? term.Length >= 3 && !char.IsDigit(term[0]) : term.Length >= 2;

    /// <summary>True when a word of a page is one the query looks for (for marking extracts).</summary>
    public bool Matches(string term) =>
        _exact.Contains(term) || _prefixes.Exists(prefix => term.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>True when the term is one of the words the query searches by (not a stop word left out).</summary>
    public bool Uses(string term) => Groups.Any(g => g.Terms.Contains(term, StringComparer.Ordinal));
}

using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// What a reader typed, as a Lucene query: each word (or phrase with synonyms) is a group of
/// alternatives, and the groups must all match (or any, when no page has them all). Built as
/// query objects from folded terms, never parsed, so nothing typed is ever query syntax.
/// </summary>
internal sealed class QueryPlan
{
    /// <summary>A word or phrase as typed (<see cref="Terms"/>) and the phrases it also finds.</summary>
    internal sealed record Group(string[] Terms, IReadOnlyCollection<string> Also);

    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _prefixes = [];

    private readonly Func<string, bool> _isWord;

    private QueryPlan(List<Group> groups, Func<string, bool> isWord)
    {
        Groups = groups;
        _isWord = isWord;
        foreach (var term in groups.SelectMany(g => g.Terms.Concat(g.Also.SelectMany(a => a.Split(' ')))))
        {
            if (IsPrefix(term)) _prefixes.Add(term);
            else _exact.Add(term);
        }
    }

    public IReadOnlyList<Group> Groups { get; }

    /// <param name="isWord">True for a term the index holds as a whole word (see <see cref="IsPrefix"/>).</param>
    public static QueryPlan For(string text, SearchSynonyms synonyms, Func<string, bool> isWord)
    {
        // A word typed twice is searched for once.
        var terms = SearchText.Terms(text).Where(t => !SearchText.IsLatin(t) || t.Length > 1 || char.IsDigit(t[0])).Distinct(StringComparer.Ordinal).ToList();
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
        return new QueryPlan(meaningful.Count > 0 ? meaningful : groups, isWord);
    }

    /// <summary>
    /// The Lucene query: every group (<paramref name="matchAll"/>) or any of them. A group matches
    /// its own words, or any of its synonyms (several words: near each other, in any order).
    /// </summary>
    public BooleanQuery ToQuery(IReadOnlyList<(string Name, float Boost)> fields, bool matchAll)
    {
        var query = new BooleanQuery(disableCoord: false);
        foreach (var group in Groups)
        {
            var alternatives = new BooleanQuery(disableCoord: true);
            alternatives.Add(AllOf(group.Terms, fields), Occur.SHOULD);
            foreach (var phrase in group.Also)
            {
                var words = phrase.Split(' ');
                alternatives.Add(words.Length == 1 ? AnyField(words[0], fields) : Near(words, fields), Occur.SHOULD);
            }

            query.Add(alternatives, matchAll ? Occur.MUST : Occur.SHOULD);
        }

        return query;
    }

    private BooleanQuery AllOf(string[] terms, IReadOnlyList<(string Name, float Boost)> fields)
    {
        if (terms.Length == 1) return AnyField(terms[0], fields);
        var all = new BooleanQuery();
        foreach (var term in terms) all.Add(AnyField(term, fields), Occur.MUST);
        return all;
    }

    /// <summary>
    /// One word in any field, weighted by field: the word itself scored by BM25, and for a long
    /// enough word its longer forms too ("tumor" finds "tumoral", "হাড়" finds "হাড়ের").
    /// </summary>
    private BooleanQuery AnyField(string term, IReadOnlyList<(string Name, float Boost)> fields)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (name, boost) in fields)
        {
            any.Add(new TermQuery(new Term(name, term)) { Boost = boost * 2 }, Occur.SHOULD);
            if (IsPrefix(term)) any.Add(new PrefixQuery(new Term(name, term)) { Boost = boost }, Occur.SHOULD);
        }

        return any;
    }

    private static BooleanQuery Near(string[] words, IReadOnlyList<(string Name, float Boost)> fields)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (name, boost) in fields)
        {
            var phrase = new PhraseQuery { Slop = 2, Boost = boost };
            foreach (var word in words) phrase.Add(new Term(name, word));
            any.Add(phrase, Occur.SHOULD);
        }

        return any;
    }

    /// <summary>
    /// Searched for by its start as well as whole: every Bengali word of two letters or more, so
    /// its endings (-এর, -কে, -গুলো) are found without a stemmer; an English word of three letters
    /// or more only when the pages do not have it whole (a word still being typed, "osteosarc").
    /// English plurals are already folded, and each prefix costs a scan of the index's words.
    /// </summary>
    private bool IsPrefix(string term) => SearchText.IsLatin(term)
        ? term.Length >= 3 && !char.IsDigit(term[0]) && !_isWord(term)
        : term.Length >= 2;

    /// <summary>True when a word of a page is one the query looks for (for marking extracts).</summary>
    public bool Matches(string term) =>
        _exact.Contains(term) || _prefixes.Exists(prefix => term.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>True when the term is one of the words the query searches by (not a stop word left out).</summary>
    public bool Uses(string term) => Groups.Any(g => g.Terms.Contains(term, StringComparer.Ordinal));
}

namespace BoneTumorInfo.Content.Search;

/// <summary>A piece of an extract: plain text, or a word the search matched (shown marked).</summary>
public readonly record struct TextPart(string Text, bool IsMatch);

/// <summary>One page found: the page, and a short extract of its text around the words matched (empty when only its title or headings matched).</summary>
public sealed record SearchHit(SearchDocument Document, IReadOnlyList<TextPart> Extract);

/// <summary>What a search found.</summary>
/// <param name="Query">The words searched for, trimmed and cut to <see cref="SearchIndex.MaxQueryLength"/>.</param>
/// <param name="Hits">The best pages first.</param>
/// <param name="Suggestion">A spelling the site knows, when a word was not found ("osteosarcma" → "osteosarcoma").</param>
/// <param name="ShowingSuggestion">True when nothing matched the words as typed, so <see cref="Hits"/> are for the suggestion.</param>
/// <param name="MatchedAllWords">False when no page had every word, so the pages with some of them are shown.</param>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, string? Suggestion, bool ShowingSuggestion, bool MatchedAllWords)
{
    /// <summary>How many pages matched in all (<see cref="Hits"/> holds the best of them).</summary>
    public int Total { get; init; }

    public static SearchResults None(string query) => new(query, [], null, false, true);

    /// <summary>Nothing at all was found, even with the suggestion: an editor should look at this search.</summary>
    public bool IsMiss => Hits.Count == 0;
}

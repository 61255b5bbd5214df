using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// The site's full-text index: SQLite FTS5 in an in-memory database, one table per language,
/// ranked by BM25 with the title and headings weighing more than the body. Immutable once built:
/// a content change builds a new one (see <see cref="SearchService"/>).
/// </summary>
/// <remarks>
/// Words are cut and folded by <see cref="SearchText"/> before SQLite sees them, and a query is
/// built only from those folded terms, each quoted: so what a reader types (quotes, stars, NEAR,
/// brackets, column names) is never FTS5 syntax. One connection, one query at a time: a query
/// takes well under a millisecond (see bench/search).
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Longer searches are cut to this many characters.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Pages fetched per query, before the best <c>limit</c> are kept.</summary>
    private const int MaxCandidates = 100;

    // Title, headings, description, body: a word in a title counts ten times a word in the body.
    private const string Ranking = "bm25(10.0, 5.0, 3.0, 1.0)";

    private const int ExtractLength = 220;

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, Part> _parts;
    private readonly Lock _gate = new();
    private bool _disposed;

    private sealed class Part(string table, SearchSynonyms synonyms)
    {
        public string Table { get; } = table;
        public SearchSynonyms Synonyms { get; } = synonyms;
        public List<SearchDocument> Documents { get; } = [];
        public Dictionary<string, int> DocumentFrequency { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Spelling { get; } = new(StringComparer.Ordinal);
        public string[] SortedTerms { get; set; } = [];
    }

    private SearchIndex(SqliteConnection connection, Dictionary<string, Part> parts)
    {
        _connection = connection;
        _parts = parts;
    }

    /// <summary>How many pages are in the index.</summary>
    public int Count => _parts.Values.Sum(p => p.Documents.Count);

    /// <summary>How long the last <see cref="Build"/> took, for the log and the benchmark.</summary>
    public TimeSpan BuildTime { get; private set; }

    /// <summary>Builds the index of <paramref name="documents"/>; <paramref name="synonymsFor"/> gives each language's synonyms.</summary>
    public static SearchIndex Build(IEnumerable<SearchDocument> documents, Func<string, SearchSynonyms> synonymsFor)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(synonymsFor);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var parts = new Dictionary<string, Part>(StringComparer.Ordinal);
        try
        {
            using var transaction = connection.BeginTransaction();
            var inserts = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
            foreach (var document in documents)
            {
                if (!parts.TryGetValue(document.Language, out var part))
                {
                    // Table names are numbered, so no language code is ever written into SQL.
                    part = parts[document.Language] = new Part($"pages{parts.Count}", synonymsFor(document.Language));
                    CreateTable(connection, transaction, part.Table);
                    var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = $"INSERT INTO {part.Table}(rowid, title, headings, description, body) VALUES ($id, $title, $headings, $description, $body)";
                    foreach (var name in (string[])["$id", "$title", "$headings", "$description", "$body"]) insert.Parameters.Add(new SqliteParameter(name, null));
                    inserts[document.Language] = insert;
                }

                part.Documents.Add(document);
                var command = inserts[document.Language];
                command.Parameters["$id"].Value = part.Documents.Count;
                command.Parameters["$title"].Value = Index(part, document.Title, out var seen);
                command.Parameters["$headings"].Value = Index(part, document.Headings, seen);
                command.Parameters["$description"].Value = Index(part, document.Description, seen);
                command.Parameters["$body"].Value = Index(part, document.Body, seen);
                command.ExecuteNonQuery();
                foreach (var term in seen) part.DocumentFrequency[term] = part.DocumentFrequency.GetValueOrDefault(term) + 1;
            }

            foreach (var insert in inserts.Values) insert.Dispose();
            transaction.Commit();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        foreach (var part in parts.Values)
        {
            part.SortedTerms = [.. part.DocumentFrequency.Keys.Order(StringComparer.Ordinal)];
        }

        return new SearchIndex(connection, parts) { BuildTime = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
    }

    private static void CreateTable(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var create = connection.CreateCommand();
        create.Transaction = transaction;
        // The text arrives already cut into folded terms joined by spaces. unicode61 is told that
        // marks (M*) are part of words too, so even so it never splits a Bengali word at a vowel sign.
        create.CommandText = $"""
            CREATE VIRTUAL TABLE {table} USING fts5(title, headings, description, body,
                tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* Co'");
            INSERT INTO {table}({table}, rank) VALUES ('rank', '{Ranking}');
            """;
        create.ExecuteNonQuery();
    }

    private static string Index(Part part, string text, out HashSet<string> seen)
    {
        seen = new HashSet<string>(StringComparer.Ordinal);
        return Index(part, text, seen);
    }

    private static string Index(Part part, string text, HashSet<string> seen)
    {
        var terms = new StringBuilder(text.Length);
        foreach (var token in SearchText.Tokens(text))
        {
            if (terms.Length > 0) terms.Append(' ');
            terms.Append(token.Term);
            if (seen.Add(token.Term) && !part.Spelling.ContainsKey(token.Term))
            {
                // How the word is written in the pages, for "did you mean" (the term itself may be folded).
                part.Spelling[token.Term] = text.Substring(token.Start, token.Length).ToLower(CultureInfo.InvariantCulture);
            }
        }

        return terms.ToString();
    }

    /// <summary>
    /// The pages of <paramref name="language"/> that match <paramref name="query"/>, best first.
    /// Never throws for anything a reader can type.
    /// </summary>
    public SearchResults Search(string language, string? query, int limit = 20)
    {
        var text = (query ?? "").Trim();
        if (text.Length > MaxQueryLength) text = text[..MaxQueryLength].TrimEnd();
        if (!_parts.TryGetValue(language, out var part)) return SearchResults.None(text);
        var plan = QueryPlan.For(text, part.Synonyms);
        if (plan.Groups.Count == 0) return SearchResults.None(text);

        var suggestion = Suggest(part, text, plan);
        var (hits, all) = Find(part, plan, limit);
        var showingSuggestion = false;
        if (hits.Count == 0 && suggestion is not null)
        {
            (hits, all) = Find(part, QueryPlan.For(suggestion, part.Synonyms), limit);
            showingSuggestion = hits.Count > 0;
        }

        return new SearchResults(text, hits, suggestion, showingSuggestion, all);
    }

    private (List<SearchHit> Hits, bool MatchedAll) Find(Part part, QueryPlan plan, int limit)
    {
        if (plan.Groups.Count == 0) return ([], true);
        var rows = Match(part, plan.Expression(" AND "));
        var matchedAll = true;
        if (rows.Count == 0 && plan.Groups.Count > 1)
        {
            rows = Match(part, plan.Expression(" OR "));
            matchedAll = false;
        }

        var hits = rows.Take(limit)
            .Select(row => part.Documents[row - 1])
            .Select(document => new SearchHit(document, Extract(document.Body, plan)))
            .ToList();
        return (hits, matchedAll);
    }

    private List<int> Match(Part part, string expression)
    {
        var rows = new List<int>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT rowid FROM {part.Table} WHERE {part.Table} MATCH $query ORDER BY rank LIMIT {MaxCandidates}";
            command.Parameters.AddWithValue("$query", expression);
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows.Add(reader.GetInt32(0));
        }

        return rows;
    }

    /// <summary>The query with each unknown word replaced by the nearest known one, or null when every word is known.</summary>
    private static string? Suggest(Part part, string text, QueryPlan plan)
    {
        var replaced = false;
        var suggestion = new StringBuilder();
        var at = 0;
        foreach (var token in SearchText.Tokens(text))
        {
            suggestion.Append(text, at, token.Start - at);
            at = token.Start + token.Length;
            var known = part.DocumentFrequency.ContainsKey(token.Term) || HasPrefix(part.SortedTerms, token.Term)
                || part.Synonyms.Contains(token.Term) || part.Synonyms.IsStopWord(token.Term) || !plan.Uses(token.Term);
            var nearest = known ? null : SpellingSuggester.Nearest(token.Term, part.DocumentFrequency);
            if (nearest is null)
            {
                suggestion.Append(text, token.Start, token.Length);
                continue;
            }

            suggestion.Append(part.Spelling.GetValueOrDefault(nearest, nearest));
            replaced = true;
        }

        suggestion.Append(text, at, text.Length - at);
        return replaced ? suggestion.ToString() : null;
    }

    private static bool HasPrefix(string[] sorted, string prefix)
    {
        var at = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        if (at >= 0) return true;
        at = ~at;
        return at < sorted.Length && sorted[at].StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The paragraph of <paramref name="body"/> with the most of the words searched for, cut to
    /// about <see cref="ExtractLength"/> characters around the first of them, matched words marked.
    /// </summary>
    internal static List<TextPart> Extract(string body, QueryPlan plan)
    {
        var best = (Start: 0, Length: 0, Score: 0);
        var start = 0;
        foreach (var line in body.Split('\n'))
        {
            var score = SearchText.Tokens(line).Where(t => plan.Matches(t.Term)).Select(t => t.Term).Distinct(StringComparer.Ordinal).Count();
            if (score > best.Score) best = (start, line.Length, score);
            start += line.Length + 1;
        }

        if (best.Score == 0) return [];
        var paragraph = body.Substring(best.Start, best.Length).TrimEnd('\r');
        var tokens = SearchText.Tokens(paragraph).ToList();
        var from = 0;
        var to = paragraph.Length;
        if (paragraph.Length > ExtractLength)
        {
            var first = tokens.First(t => plan.Matches(t.Term));
            from = Math.Max(0, first.Start - ExtractLength / 3);
            from = from == 0 ? 0 : tokens.FirstOrDefault(t => t.Start >= from).Start;
            to = Math.Min(paragraph.Length, from + ExtractLength);
            if (to < paragraph.Length)
            {
                var last = tokens.LastOrDefault(t => t.Start + t.Length <= to);
                to = last.Length > 0 ? last.Start + last.Length : to;
            }
        }

        var parts = new List<TextPart>();
        if (from > 0) parts.Add(new TextPart("… ", false));
        var at = from;
        foreach (var token in tokens.Where(t => t.Start >= from && t.Start + t.Length <= to && plan.Matches(t.Term)))
        {
            if (token.Start > at) parts.Add(new TextPart(paragraph[at..token.Start], false));
            parts.Add(new TextPart(paragraph.Substring(token.Start, token.Length), true));
            at = token.Start + token.Length;
        }

        if (to > at) parts.Add(new TextPart(paragraph[at..to], false));
        if (to < paragraph.Length) parts.Add(new TextPart(" …", false));
        return parts;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _connection.Dispose();
        }
    }
}

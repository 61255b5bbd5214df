using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// The site's full-text index: Lucene.NET in memory, one index per language, ranked by BM25 with
/// the title and headings weighing more than the body. Immutable once built: a content change
/// builds a new one (see <see cref="SearchService"/>). Searches run in parallel without a lock.
/// </summary>
/// <remarks>
/// Chosen over SQLite FTS5 by measurement (bench/search): on 10,000 pages FTS5's query p99 was
/// several times Lucene's and over the 5 ms target. Words are cut and folded by
/// <see cref="SearchText"/> before Lucene sees them (it only splits on the spaces between), and a
/// query is built from those folded terms as query objects, never parsed from text: so what a
/// reader types (quotes, stars, NEAR, brackets, field names) is never query syntax.
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    /// <summary>Longer searches are cut to this many characters.</summary>
    public const int MaxQueryLength = 200;

    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // A word in a title counts ten times a word in the body.
    private static readonly (string Name, float Boost)[] Fields = [("title", 10f), ("headings", 5f), ("description", 3f), ("body", 1f)];

    private const int ExtractLength = 220;

    private readonly Dictionary<string, Part> _parts;

    private sealed class Part(SearchSynonyms synonyms) : IDisposable
    {
        public SearchSynonyms Synonyms { get; } = synonyms;
        public List<SearchDocument> Documents { get; } = [];

        /// <summary>
        /// Each page's body as term numbers, one per word in order (see <see cref="TermNames"/>),
        /// and where its paragraphs start (<see cref="BodyWords"/>). Four bytes a word: whole
        /// tokens (place, length and term) took 16, about 35 MB at 10,000 pages.
        /// </summary>
        public List<BodyWords> Bodies { get; } = [];

        /// <summary>Every term by its number.</summary>
        public List<string> TermNames { get; } = [];

        /// <summary>One entry per distinct term, shared by every page's words; only while building.</summary>
        public Dictionary<string, TermCount> Terms { get; } = new(StringComparer.Ordinal);

        /// <summary>Each word as written to its term, so a word seen before is not folded again; only while building.</summary>
        public Dictionary<string, TermCount> Folded { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> DocumentFrequency { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> Spelling { get; } = new(StringComparer.Ordinal);
        public string[] SortedTerms { get; set; } = [];
        public SpellingSuggester? Speller { get; set; }
        public RAMDirectory Directory { get; } = new();
        public DirectoryReader? Reader { get; set; }

        public void Dispose()
        {
            // The last search still holding the reader closes it (see Match). The directory is only
            // memory, left to the collector so a search still reading from it is never cut off.
            Reader?.DecRef();
        }
    }

    private SearchIndex(Dictionary<string, Part> parts) => _parts = parts;

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
        var byLanguage = documents.GroupBy(d => d.Language, StringComparer.Ordinal).ToList();
        var parts = byLanguage.ToDictionary(g => g.Key, g => new Part(synonymsFor(g.Key)), StringComparer.Ordinal);
        try
        {
            // The languages' indexes share nothing, so they are built side by side.
            Parallel.ForEach(byLanguage, group => BuildPart(parts[group.Key], group));
        }
        catch
        {
            foreach (var part in parts.Values) part.Dispose();
            throw;
        }

        return new SearchIndex(parts) { BuildTime = System.Diagnostics.Stopwatch.GetElapsedTime(started) };
    }

    /// <summary>A term, and on how many pages it is (counted once per page: <see cref="LastPage"/>).</summary>
    private sealed class TermCount(string term, int id)
    {
        public string Term { get; } = term;

        /// <summary>Its place in <see cref="Part.TermNames"/>.</summary>
        public int Id { get; } = id;

        public int Pages { get; set; }
        public int LastPage { get; set; } = -1;
    }

    private static void BuildPart(Part part, IEnumerable<SearchDocument> documents)
    {
        // Terms come already cut and folded (TermStream): the analyzer is never used on them.
        using (var writer = new IndexWriter(part.Directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
            UseCompoundFile = false,
        }))
        {
            foreach (var document in documents)
            {
                var number = part.Documents.Count;
                var bodyWords = new BodyWordsBuilder();
                var body = Index(part, number, document.Body, bodyWords);
                part.Bodies.Add(bodyWords.Build());
                writer.AddDocument(new Document
                {
                    new StoredField("n", number),
                    new TextField("title", new TermStream(Index(part, number, document.Title))),
                    new TextField("headings", new TermStream(Index(part, number, document.Headings))),
                    new TextField("description", new TermStream(Index(part, number, document.Description))),
                    new TextField("body", new TermStream(body)),
                });
                part.Documents.Add(document);
            }

            writer.Commit();
        }

        foreach (var count in part.Terms.Values) part.DocumentFrequency[count.Term] = count.Pages;
        part.Terms.Clear();
        part.Terms.TrimExcess();
        part.TermNames.TrimExcess();
        part.Folded.Clear();
        part.Folded.TrimExcess();
        part.Reader = DirectoryReader.Open(part.Directory);
        part.SortedTerms = [.. part.DocumentFrequency.Keys.Order(StringComparer.Ordinal)];
        part.Speller = new SpellingSuggester(part.DocumentFrequency);
    }

    /// <summary>
    /// The words of <paramref name="text"/> on page <paramref name="page"/>, each folded once per
    /// distinct way it is written in the part (most words repeat), and counted for the page. With
    /// <paramref name="body"/>, every word's term number goes to it, a word that folds to nothing
    /// included, so the text's words can be paired with them again.
    /// </summary>
    private static SearchToken[] Index(Part part, int page, string text, BodyWordsBuilder? body = null)
    {
        var words = new List<SearchToken>();
        var folded = part.Folded.GetAlternateLookup<ReadOnlySpan<char>>();
        var at = 0;
        while (SearchText.NextWord(text, ref at, out var start))
        {
            var written = text.AsSpan(start, at - start);
            if (!folded.TryGetValue(written, out var count))
            {
                var term = SearchText.Fold(written);
                if (!part.Terms.TryGetValue(term, out count))
                {
                    part.Terms[term] = count = new TermCount(term, part.TermNames.Count);
                    part.TermNames.Add(term);
                    // How the word is written in the pages, for "did you mean" (the term itself may be folded).
                    part.Spelling[term] = written.ToString().ToLower(CultureInfo.InvariantCulture);
                }

                folded[written] = count;
            }

            body?.Add(text, start, count.Id);
            if (count.Term.Length == 0) continue;
            words.Add(new SearchToken(start, at - start, count.Term));
            if (count.LastPage != page)
            {
                count.LastPage = page;
                count.Pages++;
            }
        }

        return [.. words];
    }

    /// <summary>
    /// Terms already cut and folded, handed to Lucene as they are (no second analysis). A term
    /// longer than Lucene's whitespace tokenizer would keep is left out, as that tokenizer would cut it.
    /// </summary>
    private sealed class TermStream : TokenStream
    {
        private const int MaxTermLength = 255;
        private readonly SearchToken[] _words;
        private readonly ICharTermAttribute _term;
        private int _at;

        public TermStream(SearchToken[] words)
        {
            _words = words;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            while (_at < _words.Length && _words[_at].Term.Length > MaxTermLength) _at++;
            if (_at >= _words.Length) return false;
            ClearAttributes();
            _term.SetEmpty().Append(_words[_at++].Term);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _at = 0;
        }
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
        var plan = QueryPlan.For(text, part.Synonyms, part.DocumentFrequency.ContainsKey);
        if (plan.Groups.Count == 0) return SearchResults.None(text);

        var suggestion = Suggest(part, text, plan);
        var (hits, total, all) = Find(part, plan, limit);
        var showingSuggestion = false;
        if (hits.Count == 0 && suggestion is not null)
        {
            (hits, total, all) = Find(part, QueryPlan.For(suggestion, part.Synonyms, part.DocumentFrequency.ContainsKey), limit);
            showingSuggestion = hits.Count > 0;
        }

        return new SearchResults(text, hits, suggestion, showingSuggestion, all) { Total = total };
    }

    private static (List<SearchHit> Hits, int Total, bool MatchedAll) Find(Part part, QueryPlan plan, int limit)
    {
        if (plan.Groups.Count == 0) return ([], 0, true);
        var (rows, total) = Match(part, plan.ToQuery(Fields, matchAll: true), limit);
        var matchedAll = true;
        if (rows.Count == 0 && plan.Groups.Count > 1)
        {
            (rows, total) = Match(part, plan.ToQuery(Fields, matchAll: false), limit);
            matchedAll = false;
        }

        var hits = rows
            .Select(row => new SearchHit(part.Documents[row], Extract(part.Documents[row].Body, part.Bodies[row], part.TermNames, plan)))
            .ToList();
        return (hits, total, matchedAll);
    }

    private static (List<int> Rows, int Total) Match(Part part, Query query, int limit)
    {
        var reader = part.Reader;
        // Held for the length of the search, so an index swapped out meanwhile is closed after it, not under it.
        ObjectDisposedException.ThrowIf(reader is null || !reader.TryIncRef(), typeof(SearchIndex));
        try
        {
            var searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
            var top = searcher.Search(query, limit);
            return (top.ScoreDocs.Select(hit => searcher.Doc(hit.Doc).GetField("n").GetInt32Value() ?? 0).ToList(), top.TotalHits);
        }
        finally
        {
            reader!.DecRef();
        }
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
            var nearest = known ? null : part.Speller?.Nearest(token.Term);
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

    /// <summary>For tests: each page's body words in a language as an extract sees them, by the page's address.</summary>
    internal Dictionary<string, SearchToken[]> BodyWordsOf(string language)
    {
        var part = _parts[language];
        return part.Documents.Select((document, row) => (document.Url, Words: Words(document.Body, part.Bodies[row], part.TermNames, 0, part.Bodies[row].Paragraphs).ToArray()))
            .ToDictionary(p => p.Url, p => p.Words, StringComparer.Ordinal);
    }

    /// <summary>
    /// The words of paragraphs <paramref name="first"/> to <paramref name="end"/> (not included)
    /// of a page's body, with their terms: the text is read again for where each word is (no
    /// folding), and the terms come from the stored numbers.
    /// </summary>
    private static List<SearchToken> Words(string body, BodyWords words, List<string> names, int first, int end)
    {
        var tokens = new List<SearchToken>();
        if (first >= end) return tokens;
        var at = words.ParagraphStart(first);
        for (var i = words.FirstWord(first); i < words.FirstWord(end); i++)
        {
            if (!SearchText.NextWord(body, ref at, out var start)) break;
            var term = names[words.Terms[i]];
            if (term.Length > 0) tokens.Add(new SearchToken(start, at - start, term));
        }

        return tokens;
    }

    /// <summary>
    /// The paragraph of <paramref name="body"/> with the most of the words searched for, cut to
    /// about <see cref="ExtractLength"/> characters around the first of them, matched words marked.
    /// </summary>
    /// <remarks>
    /// The paragraph is chosen from the stored term numbers alone; only its own text is read again.
    /// </remarks>
    private static List<TextPart> Extract(string body, BodyWords words, List<string> names, QueryPlan plan)
    {
        // The paragraph (line) with the most different words searched for; the first such wins.
        var best = (Paragraph: 0, Score: 0);
        var found = new List<string>();
        for (var paragraph = 0; paragraph < words.Paragraphs; paragraph++)
        {
            found.Clear();
            for (var i = words.FirstWord(paragraph); i < words.FirstWord(paragraph + 1); i++)
            {
                var term = names[words.Terms[i]];
                if (term.Length > 0 && plan.Matches(term) && !found.Contains(term)) found.Add(term);
            }

            if (found.Count > best.Score) best = (paragraph, found.Count);
            // A paragraph with every word searched for cannot be beaten: stop reading.
            if (best.Score >= plan.Groups.Count) break;
        }

        if (best.Score == 0) return [];
        var line = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Words(body, words, names, best.Paragraph, best.Paragraph + 1));
        var paragraphStart = words.ParagraphStart(best.Paragraph);
        var paragraphEnd = LineEnd(body, paragraphStart);
        var from = paragraphStart;
        var to = paragraphEnd;
        if (to - from > ExtractLength)
        {
            // About a third of the extract before the first word found, cut at word edges.
            var first = 0;
            while (!plan.Matches(line[first].Term)) first++;
            var at = first;
            while (at > 0 && line[first].Start - line[at - 1].Start <= ExtractLength / 3) at--;
            from = at == 0 ? paragraphStart : line[at].Start;
            var last = at;
            while (last + 1 < line.Length && line[last + 1].Start + line[last + 1].Length - from <= ExtractLength) last++;
            to = last == line.Length - 1 ? paragraphEnd : line[last].Start + line[last].Length;
        }

        var parts = new List<TextPart>();
        if (from > paragraphStart) parts.Add(new TextPart("… ", false));
        var written = from;
        foreach (var word in line)
        {
            if (word.Start < from || word.Start + word.Length > to || !plan.Matches(word.Term)) continue;
            if (word.Start > written) parts.Add(new TextPart(body[written..word.Start], false));
            parts.Add(new TextPart(body.Substring(word.Start, word.Length), true));
            written = word.Start + word.Length;
        }

        if (to > written) parts.Add(new TextPart(body[written..to].TrimEnd('\r'), false));
        if (to < paragraphEnd) parts.Add(new TextPart(" …", false));
        return parts;
    }

    private static int LineEnd(string text, int from)
    {
        var end = text.IndexOf('\n', from);
        return end < 0 ? text.Length : end;
    }

    public void Dispose()
    {
        foreach (var part in _parts.Values) part.Dispose();
    }

    /// <summary>
    /// A page's body as the index keeps it for extracts: each word's term number, in order, and
    /// for each paragraph (a line of the body with words on it) its first word and where its
    /// text starts.
    /// </summary>
    internal sealed class BodyWords(int[] terms, int[] paragraphs)
    {
        private readonly int[] _paragraphs = paragraphs;

        public int[] Terms { get; } = terms;

        public int Paragraphs => _paragraphs.Length / 2;

        /// <summary>The number of the paragraph's first word; past the last paragraph, the number of words.</summary>
        public int FirstWord(int paragraph) => paragraph < Paragraphs ? _paragraphs[2 * paragraph] : Terms.Length;

        /// <summary>Where the paragraph's line starts in the body's text.</summary>
        public int ParagraphStart(int paragraph) => _paragraphs[(2 * paragraph) + 1];
    }

    private sealed class BodyWordsBuilder
    {
        private readonly List<int> _terms = [];
        private readonly List<int> _paragraphs = [];
        private int _lineEnd = -1;

        public void Add(string text, int start, int term)
        {
            // A word past the end of the current line starts a paragraph: the line it is on.
            if (start > _lineEnd)
            {
                var lineStart = text.LastIndexOf('\n', start) + 1;
                _lineEnd = LineEnd(text, lineStart);
                _paragraphs.Add(_terms.Count);
                _paragraphs.Add(lineStart);
            }

            _terms.Add(term);
        }

        public BodyWords Build() => new([.. _terms], [.. _paragraphs]);
    }
}

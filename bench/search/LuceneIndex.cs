using BoneTumorInfo.Content.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace BoneTumorInfo.Bench.Search;

/// <summary>
/// The same pages in Lucene.NET, for comparison: the same folded terms (SearchText) split on
/// spaces, the same field weights, prefix queries per word, top 20 with their addresses loaded.
/// No synonyms, spelling or extracts, so it does less work per query than the SQLite side.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly (string Field, float Boost)[] Fields = [("title", 10f), ("headings", 5f), ("description", 3f), ("body", 1f)];

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private LuceneIndex(RAMDirectory directory)
    {
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader);
    }

    public static LuceneIndex Build(IEnumerable<SearchDocument> documents)
    {
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))))
        {
            foreach (var page in documents)
            {
                writer.AddDocument(new Document
                {
                    new StringField("language", page.Language, Field.Store.NO),
                    new StringField("url", page.Url, Field.Store.YES),
                    new TextField("title", SearchText.Indexable(page.Title), Field.Store.NO),
                    new TextField("headings", SearchText.Indexable(page.Headings), Field.Store.NO),
                    new TextField("description", SearchText.Indexable(page.Description), Field.Store.NO),
                    new TextField("body", SearchText.Indexable(page.Body), Field.Store.NO),
                });
            }

            writer.Commit();
        }

        return new LuceneIndex(directory);
    }

    public int Search(string language, string text)
    {
        var query = new BooleanQuery { { new TermQuery(new Term("language", language)), Occur.MUST } };
        foreach (var term in SearchText.Terms(text.Length > SearchIndex.MaxQueryLength ? text[..SearchIndex.MaxQueryLength] : text).Distinct())
        {
            var word = new BooleanQuery();
            foreach (var (field, boost) in Fields)
            {
                Lucene.Net.Search.Query clause = term.Length >= 3 ? new PrefixQuery(new Term(field, term)) : new TermQuery(new Term(field, term));
                clause.Boost = boost;
                word.Add(clause, Occur.SHOULD);
            }

            query.Add(word, Occur.MUST);
        }

        var top = _searcher.Search(query, 20);
        foreach (var hit in top.ScoreDocs) _ = _searcher.Doc(hit.Doc).Get("url");
        return top.ScoreDocs.Length;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}

using BoneTumorInfo.Content.Search;
using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Bench.Search;

/// <summary>
/// FTS5 alone, doing what <see cref="LuceneIndex"/> does (same folded terms, same weights, prefix
/// per word, top 20): the engine against the engine. The site's <see cref="SearchIndex"/> adds
/// synonyms, "did you mean" and extracts on top.
/// </summary>
internal sealed class SqliteEngineOnly : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteEngineOnly(SqliteConnection connection) => _connection = connection;

    public static SqliteEngineOnly Build(IEnumerable<SearchDocument> documents)
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE VIRTUAL TABLE pages USING fts5(language UNINDEXED, url UNINDEXED, title, headings, description, body,
                    tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* Co'");
                INSERT INTO pages(pages, rank) VALUES ('rank', 'bm25(0, 0, 10.0, 5.0, 3.0, 1.0)');
                """;
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO pages VALUES ($language, $url, $title, $headings, $description, $body)";
        foreach (var page in documents)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$language", page.Language);
            insert.Parameters.AddWithValue("$url", page.Url);
            insert.Parameters.AddWithValue("$title", SearchText.Indexable(page.Title));
            insert.Parameters.AddWithValue("$headings", SearchText.Indexable(page.Headings));
            insert.Parameters.AddWithValue("$description", SearchText.Indexable(page.Description));
            insert.Parameters.AddWithValue("$body", SearchText.Indexable(page.Body));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return new SqliteEngineOnly(connection);
    }

    public int Search(string language, string text)
    {
        var terms = SearchText.Terms(text.Length > SearchIndex.MaxQueryLength ? text[..SearchIndex.MaxQueryLength] : text).Distinct().ToList();
        if (terms.Count == 0) return 0;
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT url FROM pages WHERE pages MATCH $query AND language = $language ORDER BY rank LIMIT 20";
        command.Parameters.AddWithValue("$query", string.Join(" AND ", terms.Select(t => "\"" + t + "\"" + (t.Length >= 3 ? "*" : ""))));
        command.Parameters.AddWithValue("$language", language);
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read()) count++;
        return count;
    }

    public void Dispose() => _connection.Dispose();
}

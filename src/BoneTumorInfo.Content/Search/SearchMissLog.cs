using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Content.Search;

/// <summary>A search that found nothing, and how many times it was made in the period asked for.</summary>
public sealed record SearchMiss(string Language, string Query, int Count);

/// <summary>
/// Searches that found nothing, counted per day, so editors can see which words the pages lack
/// (<c>bti search misses</c>). Only the words, the language, the day and a count: no address, no
/// cookie, no time of day. Days older than the retention are deleted as new ones are written.
/// </summary>
public sealed class SearchMissLog
{
    public const string FileName = "search-misses.db";

    /// <summary>How many days of misses are kept.</summary>
    public const int DefaultRetentionDays = 30;

    /// <summary>Longer searches are cut, so the file holds words, not pasted letters.</summary>
    public const int MaxQueryLength = 100;

    /// <summary>Different searches kept per day: someone sending endless made-up words cannot fill the disk.</summary>
    public const int DefaultMaxPerDay = 5000;

    private readonly string _connectionString;
    private readonly int _retentionDays;
    private readonly int _maxPerDay;
    private readonly Lock _gate = new();
    private bool _created;

    public SearchMissLog(string path, int retentionDays = DefaultRetentionDays, int maxPerDay = DefaultMaxPerDay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _retentionDays = retentionDays;
        _maxPerDay = maxPerDay;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public string Path { get; }

    /// <summary>Counts one search that found nothing, on <paramref name="day"/>.</summary>
    public void Record(string language, string query, DateOnly day)
    {
        var words = Normalize(query);
        if (words.Length == 0) return;
        lock (_gate)
        {
            using var connection = Open(create: true);
            using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE misses SET count = count + 1 WHERE day = $day AND language = $language AND query = $query;
                INSERT INTO misses(day, language, query, count) SELECT $day, $language, $query, 1
                    WHERE changes() = 0 AND (SELECT COUNT(*) FROM misses WHERE day = $day) < $max;
                DELETE FROM misses WHERE day < $oldest;
                """;
            command.Parameters.AddWithValue("$max", _maxPerDay);
            command.Parameters.AddWithValue("$day", Day(day));
            command.Parameters.AddWithValue("$language", language);
            command.Parameters.AddWithValue("$query", words);
            command.Parameters.AddWithValue("$oldest", Day(day.AddDays(-_retentionDays)));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>The most common misses of the last <paramref name="days"/> days up to <paramref name="today"/>, commonest first.</summary>
    public IReadOnlyList<SearchMiss> Top(DateOnly today, int days, int limit)
    {
        if (!File.Exists(Path)) return [];
        lock (_gate)
        {
            using var connection = Open(create: false);
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT language, query, SUM(count) AS total FROM misses WHERE day > $since
                GROUP BY language, query ORDER BY total DESC, query LIMIT $limit
                """;
            command.Parameters.AddWithValue("$since", Day(today.AddDays(-days)));
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var misses = new List<SearchMiss>();
            while (reader.Read()) misses.Add(new SearchMiss(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            return misses;
        }
    }

    /// <summary>Lower case, single spaces, cut to <see cref="MaxQueryLength"/>: "Bone  Cancer" and "bone cancer" count as one.</summary>
    public static string Normalize(string? query)
    {
        var words = string.Join(' ', (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);
        return words.Length > MaxQueryLength ? words[..MaxQueryLength].TrimEnd() : words;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private SqliteConnection Open(bool create)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // Counts for editors, not records: a crash may lose the last few, so no fsync per search.
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }

        if (create && !_created)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS misses(
                    day TEXT NOT NULL, language TEXT NOT NULL, query TEXT NOT NULL, count INTEGER NOT NULL,
                    PRIMARY KEY(day, language, query)) WITHOUT ROWID;
                """;
            command.ExecuteNonQuery();
            _created = true;
        }

        return connection;
    }
}

using BoneTumorInfo.Content.Search;
using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Content.Tests.Search;

/// <summary>Searches that found nothing: counted per day and kept for a limited time, nothing more.</summary>
public sealed class SearchMissLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bti-misses-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void The_same_words_however_typed_are_counted_together_commonest_first()
    {
        var log = new SearchMissLog(Path.Combine(_folder, SearchMissLog.FileName));
        log.Record("en", "Bone  pain at NIGHT", Today);
        log.Record("en", "bone pain at night", Today.AddDays(-1));
        log.Record("bn", "জ্বর", Today);

        var misses = log.Top(Today, days: 30, limit: 10);

        Assert.Equal([new SearchMiss("en", "bone pain at night", 2), new SearchMiss("bn", "জ্বর", 1)], misses);
    }

    [Fact]
    public void Days_past_the_retention_are_deleted_as_new_misses_are_written()
    {
        var path = Path.Combine(_folder, SearchMissLog.FileName);
        var log = new SearchMissLog(path, retentionDays: 30);
        log.Record("en", "old words", Today.AddDays(-40));
        log.Record("en", "new words", Today);

        Assert.Equal(["new words"], log.Top(Today, days: 365, limit: 10).Select(m => m.Query).ToArray());
    }

    [Fact]
    public void The_file_holds_the_day_language_words_and_count_only()
    {
        var path = Path.Combine(_folder, SearchMissLog.FileName);
        new SearchMissLog(path).Record("en", "x ray", Today);

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('misses') ORDER BY cid";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read()) columns.Add(reader.GetString(0));

        Assert.Equal(["day", "language", "query", "count"], columns);
    }

    [Fact]
    public void A_day_holds_a_limited_number_of_different_searches_but_keeps_counting_the_ones_it_has()
    {
        var log = new SearchMissLog(Path.Combine(_folder, SearchMissLog.FileName), maxPerDay: 2);
        log.Record("en", "one", Today);
        log.Record("en", "two", Today);
        log.Record("en", "three", Today);
        log.Record("en", "one", Today);

        Assert.Equal([new SearchMiss("en", "one", 2), new SearchMiss("en", "two", 1)], log.Top(Today, 1, 10));
    }

    [Fact]
    public void Long_pasted_text_is_cut()
    {
        Assert.Equal(SearchMissLog.MaxQueryLength, SearchMissLog.Normalize(new string('a', 5000)).Length);
    }

    [Fact]
    public void No_file_means_no_misses()
    {
        Assert.Empty(new SearchMissLog(Path.Combine(_folder, "none.db")).Top(Today, 30, 10));
    }
}

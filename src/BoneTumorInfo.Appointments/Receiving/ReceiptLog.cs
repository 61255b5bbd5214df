using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>
/// The references already written out by the receiver, kept in a small SQLite file, so a
/// message the broker delivers again (a resend after a lost confirm) is acknowledged but not
/// written twice.
/// </summary>
public sealed class ReceiptLog : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private ReceiptLog(SqliteConnection connection) => _connection = connection;

    public static async Task<ReceiptLog> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Storage.PrivateFiles.PrepareDatabase(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;
            CREATE TABLE IF NOT EXISTS receipts (reference TEXT PRIMARY KEY, received_at INTEGER NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new ReceiptLog(connection);
    }

    public async Task<bool> ContainsAsync(string reference, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM receipts WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task AddAsync(string reference, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO receipts (reference, received_at) VALUES ($reference, $now)";
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Appointments.Storage;

/// <summary>Opening the project's SQLite files: the connection, then its pragmas, closed again if they fail.</summary>
internal static class SqliteConnections
{
    /// <summary>The connection string for a database file: made if missing, pooled, 30 s command timeout.</summary>
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>An open connection with <paramref name="pragmas"/> run on it.</summary>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}

using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BoneTumorInfo.Appointments.Storage;

/// <summary>A stored request with its place in the store.</summary>
public sealed record StoredRequest(string Reference, string Payload, DateTimeOffset CreatedAt);

/// <summary>
/// The embedded, durable queue: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a
/// committed request survives a killed process or a power cut. It is also the outbox when
/// RabbitMQ is configured: rows wait here until the broker confirms them.
/// </summary>
/// <remarks>
/// Writes from the form go through one writer that commits whatever has queued up in one
/// transaction (group commit): one fsync serves many people at once, so a burst of requests
/// does not queue behind one disk flush each. Nobody is answered before their commit.
/// </remarks>
public sealed class SqliteAppointmentStore : IAppointmentInbox, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const int MaxReferenceAttempts = 8;

    /// <summary>
    /// SQLite's own threshold for copying the write-ahead log into the database file (1,000 pages,
    /// about 4 MB), kept by every connection except the form writer's.
    /// </summary>
    private const int CheckpointPages = 1000;

    /// <summary>
    /// The form writer copies the log into the database only past 4,000 pages (about 16 MB). A
    /// commit that passes the threshold does the copy and its disk flush before the people in its
    /// batch are answered, and everyone queued behind it waits too. The other connections (the
    /// work list's intake, the relay) still copy past 1,000 pages, after their own commits and off
    /// the form's path, so the writer rarely has to. The threshold still bounds the log when no
    /// other connection writes. Measured under the appointments bench: commits over 5 ms fell from
    /// about 100 to about 40 per 5 s, and the log stayed at 17 MB.
    /// </summary>
    internal const int WriterCheckpointPages = 4000;

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<bool> _newRows = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lazy<Task> _initialised;
    private readonly Lazy<Task> _writer;
    private readonly int _writerCheckpointPages;

    public SqliteAppointmentStore(string databasePath, TimeProvider? clock = null, ILogger<SqliteAppointmentStore>? logger = null)
        : this(databasePath, clock, logger, WriterCheckpointPages)
    {
    }

    /// <summary>For tests: the form writer's checkpoint threshold in pages (see <see cref="WriterCheckpointPages"/>).</summary>
    internal SqliteAppointmentStore(string databasePath, TimeProvider? clock, ILogger<SqliteAppointmentStore>? logger, int writerCheckpointPages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writerCheckpointPages, 1);
        _writerCheckpointPages = writerCheckpointPages;
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = SqliteConnections.ConnectionString(DatabasePath);
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteAppointmentStore>.Instance;
        _initialised = new Lazy<Task>(InitialiseAsync);
        _writer = new Lazy<Task>(() => Task.Run(WriteLoopAsync));
    }

    public string DatabasePath { get; }

    public async Task<Enqueued> EnqueueAsync(AppointmentRequest draft, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        await _initialised.Value.ConfigureAwait(false);
        _ = _writer.Value;
        var pending = new PendingWrite(draft, idempotencyKey);
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(pending), this);
        // Not cancellable once handed over: the request may already be committing.
        return await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Completes when a request has been stored since the last call, or after <paramref name="timeout"/>.</summary>
    public Task WaitForNewAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _newRows.Reader.WaitAsync(timeout, cancellationToken);

    /// <summary>Opens the database and runs a trivial query: the readiness check.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        ScalarAsync("SELECT count(*) FROM appointment_requests", cancellationToken);

    public async Task<IReadOnlyList<string>> AllReferencesAsync(CancellationToken cancellationToken = default)
    {
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT reference FROM appointment_requests ORDER BY seq";
        var references = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) references.Add(reader.GetString(0));
        return references;
    }

    // ---- the outbox side: rows not yet confirmed by RabbitMQ ----

    public Task<IReadOnlyList<StoredRequest>> ReadUnrelayedAsync(int max, CancellationToken cancellationToken = default) =>
        ReadAsync("relayed_at", max, cancellationToken);

    public Task MarkRelayedAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken = default) =>
        MarkAsync("relayed_at", references, cancellationToken);

    /// <summary>When the oldest request still waiting for the broker was made, or null when none waits.</summary>
    public async Task<DateTimeOffset?> OldestUnrelayedAsync(CancellationToken cancellationToken = default)
    {
        var value = await ScalarAsync("SELECT coalesce(min(created_at), -1) FROM appointment_requests WHERE relayed_at IS NULL", cancellationToken).ConfigureAwait(false);
        return value < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(value);
    }

    // ---- the receiving side, when staff take requests straight from this store ----

    public Task<IReadOnlyList<StoredRequest>> ReadUnreceivedAsync(int max, CancellationToken cancellationToken = default) =>
        ReadAsync("received_at", max, cancellationToken);

    public Task MarkReceivedAsync(string reference, CancellationToken cancellationToken = default) =>
        MarkAsync("received_at", [reference], cancellationToken);

    /// <summary>Marks many requests received in one transaction.</summary>
    public Task MarkReceivedAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken = default) =>
        MarkAsync("received_at", references, cancellationToken);

    /// <summary>Deletes requests delivered (to the broker or to staff) before <paramref name="cutoff"/>.</summary>
    public async Task<int> PurgeDeliveredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM appointment_requests WHERE coalesce(received_at, relayed_at) < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes one request now, delivered or not: the person asked for their details to go
    /// (the staff area's "delete"). The row's pages are overwritten (secure_delete). True when it was here.
    /// </summary>
    public async Task<bool> ForgetAsync(string reference, CancellationToken cancellationToken = default)
    {
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON; DELETE FROM appointment_requests WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        if (_writer.IsValueCreated) await _writer.Value.ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }

    private async Task InitialiseAsync()
    {
        PrivateFiles.PrepareDatabase(DatabasePath);
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            // WAL is a property of the file, set once (and not inside a transaction); synchronous is per connection (see OpenAsync).
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        // One immediate transaction: two instances starting on one file never both add a column.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS appointment_requests (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL UNIQUE,
                idempotency_key TEXT NOT NULL UNIQUE,
                payload TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                relayed_at INTEGER NULL,
                received_at INTEGER NULL
            );
            CREATE INDEX IF NOT EXISTS appointment_requests_unrelayed ON appointment_requests (seq) WHERE relayed_at IS NULL;
            CREATE INDEX IF NOT EXISTS appointment_requests_unreceived ON appointment_requests (seq) WHERE received_at IS NULL;
            """;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);

        // Columns added after the first release: a store made by an older version gets them here.
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        command.CommandText = "SELECT name FROM pragma_table_info('appointment_requests')";
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false)) columns.Add(reader.GetString(0));
        }

        foreach (var (column, definition) in AddedColumns)
        {
            if (columns.Contains(column)) continue;
            command.CommandText = $"ALTER TABLE appointment_requests ADD COLUMN {column} {definition}";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        command.CommandText = "CREATE INDEX IF NOT EXISTS appointment_requests_person ON appointment_requests (person_key, created_at) WHERE person_key IS NOT NULL";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Columns newer than the first schema, in the order they were added.</summary>
    private static readonly (string Column, string Definition)[] AddedColumns =
    [
        // SamePerson.Key: a hash, never the details themselves. Older rows have none and are never matched.
        ("person_key", "TEXT NULL"),
        // FormLanguage.Code: the language the form was filled in. Rows from before it was recorded were all English.
        ("form_language", "TEXT NOT NULL DEFAULT 'en'"),
    ];

    // FULL: every commit is flushed to disk before it returns, WAL or not. The checkpoint threshold
    // is set on every open: connections are pooled, and the writer's must not pass to another.
    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, int checkpointPages = CheckpointPages) =>
        SqliteConnections.OpenAsync(_connectionString,
            $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA wal_autocheckpoint = {checkpointPages};", cancellationToken);

    private async Task WriteLoopAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None, _writerCheckpointPages).ConfigureAwait(false);
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var item)) batch.Add(item);
            if (batch.Count == 0) continue;
            try
            {
                var results = WriteBatch(connection, batch);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
                if (results.Any(r => r.IsNew)) _newRows.Writer.TryWrite(true);
            }
#pragma warning disable CA1031 // Any failure must reach the people waiting on this batch, and the loop must go on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Could not store {Count} appointment requests", batch.Count);
                foreach (var item in batch) item.Done.TrySetException(ex);
            }
        }
    }

    private Enqueued[] WriteBatch(SqliteConnection connection, List<PendingWrite> batch)
    {
        // BEGIN IMMEDIATE: take the write lock now rather than fail half way through.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO appointment_requests (reference, idempotency_key, payload, created_at, person_key, form_language)
            VALUES ($reference, $key, $payload, $created, $person, $language)
            """;
        var reference = insert.Parameters.Add("$reference", SqliteType.Text);
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        var person = insert.Parameters.Add("$person", SqliteType.Text);
        var language = insert.Parameters.Add("$language", SqliteType.Text);
        using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT reference FROM appointment_requests WHERE idempotency_key = $key";
        var findKey = find.Parameters.Add("$key", SqliteType.Text);
        // The person index: one seek per request. Inside the batch's transaction, so it also sees
        // the same person's request written earlier in this batch.
        using var findPerson = connection.CreateCommand();
        findPerson.Transaction = transaction;
        findPerson.CommandText = """
            SELECT reference FROM appointment_requests
            WHERE person_key = $person AND created_at > $since
            ORDER BY created_at DESC LIMIT 1
            """;
        var personKey = findPerson.Parameters.Add("$person", SqliteType.Text);
        var since = findPerson.Parameters.Add("$since", SqliteType.Integer);

        var results = new Enqueued[batch.Count];
        var now = _clock.GetUtcNow();
        since.Value = (now - SamePerson.Window).ToUnixTimeMilliseconds();
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            findKey.Value = item.IdempotencyKey;
            if (find.ExecuteScalar() is string resent)
            {
                // The same form again (a double click, a refresh, a second instance).
                results[i] = new Enqueued(resent, IsNew: false);
                continue;
            }

            var samePerson = SamePerson.Key(item.Draft);
            personKey.Value = samePerson;
            if (findPerson.ExecuteScalar() is string earlier)
            {
                // A new form from someone whose request is already waiting: they get that one back.
                results[i] = new Enqueued(earlier, IsNew: false, AlreadyHadRequest: true);
                continue;
            }

            for (var attempt = 0; ; attempt++)
            {
                if (attempt == MaxReferenceAttempts) throw new InvalidOperationException("No free reference was found for a request.");
                var candidate = References.Derive(item.IdempotencyKey, attempt);
                reference.Value = candidate;
                key.Value = item.IdempotencyKey;
                payload.Value = AppointmentJson.Serialize(item.Draft with { Reference = candidate, SubmittedAt = now });
                created.Value = now.ToUnixTimeMilliseconds();
                person.Value = samePerson;
                language.Value = item.Draft.FormLanguage.Code;
                if (insert.ExecuteNonQuery() == 1)
                {
                    results[i] = new Enqueued(candidate, IsNew: true);
                    break;
                }

                // The reference belongs to a different form: try the next one derived from this key.
            }
        }

        transaction.Commit();
        return results;
    }

    private async Task<IReadOnlyList<StoredRequest>> ReadAsync(string pendingColumn, int max, CancellationToken cancellationToken)
    {
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT reference, payload, created_at FROM appointment_requests WHERE {pendingColumn} IS NULL ORDER BY seq LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        var rows = new List<StoredRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new StoredRequest(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))));
        }

        return rows;
    }

    private async Task MarkAsync(string column, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0) return;
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"UPDATE appointment_requests SET {column} = $now WHERE reference = $reference AND {column} IS NULL";
        command.Parameters.AddWithValue("$now", _clock.GetUtcNow().ToUnixTimeMilliseconds());
        var reference = command.Parameters.Add("$reference", SqliteType.Text);
        foreach (var r in references)
        {
            reference.Value = r;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await _initialised.Value.ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private sealed class PendingWrite(AppointmentRequest draft, string idempotencyKey)
    {
        public AppointmentRequest Draft { get; } = draft;

        public string IdempotencyKey { get; } = idempotencyKey;

        public TaskCompletionSource<Enqueued> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

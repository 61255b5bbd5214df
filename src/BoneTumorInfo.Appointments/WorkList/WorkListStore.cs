using BoneTumorInfo.Appointments.Storage;
using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Appointments.WorkList;

/// <summary>
/// The coordinators' work list in its own SQLite file (<c>worklist.db</c> in the data folder):
/// the requests taken in, where the work on each stands, the notes, and an append-only audit
/// trail. WAL with <c>synchronous=FULL</c> and an owner-only file, like the appointment store.
/// </summary>
/// <remarks>
/// The audit trail has no update or delete here, and triggers in the database refuse both, so
/// not even a hand-made SQL statement can rewrite history. It holds references, statuses and
/// staff names only: a request deleted at the person's wish leaves "deleted", who and when.
/// </remarks>
public sealed class WorkListStore : IAsyncDisposable
{
    public const string FileName = "worklist.db";

    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly Lazy<Task> _initialised;

    public WorkListStore(string databasePath, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = SqliteConnections.ConnectionString(DatabasePath);
        _clock = clock ?? TimeProvider.System;
        _initialised = new Lazy<Task>(InitialiseAsync);
    }

    public string DatabasePath { get; }

    /// <summary>
    /// Takes a request into the list, once per reference for good: a reference the list has ever
    /// seen (its audit trail says so, even after the request was deleted) is not taken again.
    /// True when it was new. Committed (and flushed) before this returns, so the caller may then
    /// acknowledge it at its source.
    /// </summary>
    public async Task<bool> AddAsync(AppointmentRequest request, CancellationToken cancellationToken = default) =>
        (await AddManyAsync([request], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Takes many requests in at once, each as <see cref="AddAsync"/> would, in one transaction:
    /// all are committed (one disk flush) before this returns, or none is. A reference repeated in
    /// the batch is taken once. For each request, in order: true when it was new.
    /// </summary>
    public async Task<IReadOnlyList<bool>> AddManyAsync(IReadOnlyList<AppointmentRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request, nameof(requests));
            ArgumentException.ThrowIfNullOrWhiteSpace(request.Reference, nameof(requests));
        }

        var added = new bool[requests.Count];
        if (requests.Count == 0) return added;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO work_items (reference, payload, submitted_at, received_at, status, updated_at)
            VALUES ($reference, $payload, $submitted, $now, 'new', $now)
            """;
        var reference = insert.Parameters.Add("$reference", SqliteType.Text);
        var payload = insert.Parameters.Add("$payload", SqliteType.Text);
        var submitted = insert.Parameters.Add("$submitted", SqliteType.Integer);
        insert.Parameters.AddWithValue("$now", now);
        // The audit look-up and the audit line are made once per batch too, not once per request:
        // a command compiles its statement on first use, and that was most of a request's cost here.
        await using var seen = connection.CreateCommand();
        seen.Transaction = transaction;
        // A reference the list has ever seen: its audit trail outlives a deleted request.
        seen.CommandText = "SELECT 1 FROM audit_trail WHERE reference = $reference LIMIT 1";
        var seenReference = seen.Parameters.Add("$reference", SqliteType.Text);
        await using var audit = connection.CreateCommand();
        audit.Transaction = transaction;
        audit.CommandText = AuditSql;
        var auditReference = audit.Parameters.Add("$reference", SqliteType.Text);
        audit.Parameters.AddWithValue("$at", now);
        audit.Parameters.AddWithValue("$staff", AuditActions.SystemName);
        audit.Parameters.AddWithValue("$action", AuditActions.Received);
        audit.Parameters.AddWithValue("$status", WorkStatus.New.Code());
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            seenReference.Value = request.Reference;
            if (await seen.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null) continue;
            reference.Value = request.Reference;
            payload.Value = AppointmentJson.Serialize(request);
            submitted.Value = request.SubmittedAt.ToUnixTimeMilliseconds();
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) continue;
            auditReference.Value = request.Reference;
            await audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            added[i] = true;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>The requests a view shows, oldest or newest first (by when they were sent).</summary>
    public async Task<IReadOnlyList<WorkItem>> ListAsync(WorkListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var filter = query.View switch
        {
            WorkView.Open => "WHERE status IN ('new', 'no-answer')",
            WorkView.Done => "WHERE status NOT IN ('new', 'no-answer')",
            _ => "",
        };
        command.CommandText = $"SELECT {ItemColumns} FROM work_items {filter} ORDER BY submitted_at {(query.OldestFirst ? "ASC" : "DESC")}, seq";
        return await ReadItemsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WorkItem?> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, null, reference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The notes written about a request, oldest first.</summary>
    public async Task<IReadOnlyList<WorkNote>> NotesAsync(string reference, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, staff, status, note FROM work_notes WHERE reference = $reference ORDER BY id";
        command.Parameters.AddWithValue("$reference", reference);
        var notes = new List<WorkNote>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            notes.Add(new WorkNote(FromMs(reader.GetInt64(0)), reader.GetString(1), ParseStatus(reader.GetString(2)), reader.GetString(3)));
        }

        return notes;
    }

    /// <summary>The audit trail of one reference (or of all, when null), oldest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(string? reference = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = reference is null
            ? "SELECT id, reference, at, staff, action, status FROM audit_trail ORDER BY id"
            : "SELECT id, reference, at, staff, action, status FROM audit_trail WHERE reference = $reference ORDER BY id";
        if (reference is not null) command.Parameters.AddWithValue("$reference", reference);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(reader.GetInt64(0), reader.GetString(1), FromMs(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : ParseStatus(reader.GetString(5))));
        }

        return entries;
    }

    /// <summary>
    /// "Assign to me". A request nobody holds (or already yours) is yours; one held by someone
    /// else stays theirs unless <paramref name="takeOver"/> says to take it from them.
    /// </summary>
    public async Task<(AssignResult Result, WorkItem? Item)> AssignAsync(string reference, StaffMember staff, bool takeOver, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var item = await GetAsync(connection, transaction, reference, cancellationToken).ConfigureAwait(false);
        if (item is null) return (AssignResult.NotFound, null);
        if (item.IsHeldBy(staff.Id)) return (AssignResult.AlreadyYours, item);
        if (item.Holder is not null && !takeOver) return (AssignResult.HeldByOther, item);

        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE work_items SET holder_id = $id, holder_name = $name, updated_at = $now WHERE reference = $reference";
            update.Parameters.AddWithValue("$id", staff.Id);
            update.Parameters.AddWithValue("$name", staff.Name);
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$reference", reference);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var action = item.Holder is null ? AuditActions.Assigned : AuditActions.TakenOver;
        await AuditAsync(connection, transaction, reference, staff.Name, action, item.Status, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (AssignResult.Assigned, await GetAsync(reference, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Gives a request you hold back to the list. False when you do not hold it.</summary>
    public async Task<bool> ReleaseAsync(string reference, StaffMember staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var item = await GetAsync(connection, transaction, reference, cancellationToken).ConfigureAwait(false);
        if (item is null || !item.IsHeldBy(staff.Id)) return false;
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE work_items SET holder_id = NULL, holder_name = NULL, updated_at = $now WHERE reference = $reference";
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$reference", reference);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AuditAsync(connection, transaction, reference, staff.Name, AuditActions.Released, item.Status, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Records the outcome of a call, with a note (kept with the request; the audit trail gets
    /// only the status, who and when). False when the request is not there (deleted meanwhile).
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(string reference, StaffMember staff, WorkStatus outcome, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (outcome == WorkStatus.New) throw new ArgumentException("An outcome cannot be 'new'.", nameof(outcome));
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE work_items SET status = $status, updated_at = $now WHERE reference = $reference";
            update.Parameters.AddWithValue("$status", outcome.Code());
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$reference", reference);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return false;
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO work_notes (reference, at, staff, status, note) VALUES ($reference, $now, $staff, $status, $note)";
            insert.Parameters.AddWithValue("$reference", reference);
            insert.Parameters.AddWithValue("$now", now);
            insert.Parameters.AddWithValue("$staff", staff.Name);
            insert.Parameters.AddWithValue("$status", outcome.Code());
            insert.Parameters.AddWithValue("$note", note.Trim());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await AuditAsync(connection, transaction, reference, staff.Name, AuditActions.Outcome, outcome, now, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Deletes a request and its notes at the person's wish. The audit trail keeps the reference,
    /// "deleted", who and when; nothing else of the request is left in this file (the deleted
    /// pages are cleared too, see <c>secure_delete</c>).
    /// </summary>
    public async Task<bool> DeleteAsync(string reference, StaffMember staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM work_notes WHERE reference = $reference; DELETE FROM work_items WHERE reference = $reference";
            delete.Parameters.AddWithValue("$reference", reference);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0) return false;
        }

        await AuditAsync(connection, transaction, reference, staff.Name, AuditActions.Deleted, null, _clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>When the longest-waiting new request was sent, or null when none is new.</summary>
    public async Task<DateTimeOffset?> OldestNewAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(submitted_at) FROM work_items WHERE status = 'new'";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ms ? FromMs(ms) : null;
    }

    /// <summary>New requests taken in after <paramref name="afterSequence"/>: their references and the highest sequence.</summary>
    public async Task<(IReadOnlyList<string> References, long LastSequence)> NewSinceAsync(long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, reference FROM work_items WHERE seq > $after AND status = 'new' ORDER BY seq";
        command.Parameters.AddWithValue("$after", afterSequence);
        var references = new List<string>();
        var last = afterSequence;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            last = Math.Max(last, reader.GetInt64(0));
            references.Add(reader.GetString(1));
        }

        return (references, last);
    }

    /// <summary>A number the staff area keeps between restarts (how far the mail has told coordinators).</summary>
    public async Task<long> GetMarkAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM work_marks WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long value ? value : 0;
    }

    public async Task SetMarkAsync(string key, long value, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO work_marks (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the file and runs a trivial query: the readiness check.</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM work_items";
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private const string ItemColumns = "seq, reference, payload, received_at, status, holder_id, holder_name, updated_at";

    private static async Task<IReadOnlyList<WorkItem>> ReadItemsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var items = new List<WorkItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new WorkItem(
                reader.GetInt64(0),
                reader.GetString(1),
                AppointmentJson.Deserialize(reader.GetString(2)),
                FromMs(reader.GetInt64(3)),
                ParseStatus(reader.GetString(4)),
                reader.IsDBNull(5) ? null : new StaffMember(reader.GetString(5), reader.GetString(6)),
                FromMs(reader.GetInt64(7))));
        }

        return items;
    }

    private static async Task<WorkItem?> GetAsync(SqliteConnection connection, SqliteTransaction? transaction, string reference, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {ItemColumns} FROM work_items WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        return (await ReadItemsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private const string AuditSql = "INSERT INTO audit_trail (reference, at, staff, action, status) VALUES ($reference, $at, $staff, $action, $status)";

    private static async Task AuditAsync(SqliteConnection connection, SqliteTransaction transaction, string reference, string staff, string action, WorkStatus? status, long at, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = AuditSql;
        command.Parameters.AddWithValue("$reference", reference);
        command.Parameters.AddWithValue("$at", at);
        command.Parameters.AddWithValue("$staff", staff);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$status", (object?)status?.Code() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static WorkStatus ParseStatus(string code) =>
        WorkStatuses.TryParse(code, out var status) ? status : throw new InvalidDataException($"Unknown work status '{code}' in the work list.");

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _initialised.Value.ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    // FULL: every commit is on disk before it returns, so a request is acknowledged at its
    // source only once it is safe here. secure_delete: a deleted request's bytes are overwritten.
    private Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken) =>
        SqliteConnections.OpenAsync(_connectionString, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;", cancellationToken);

    private async Task InitialiseAsync()
    {
        PrivateFiles.PrepareDatabase(DatabasePath);
        await using var connection = await OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        command.CommandText = """
            BEGIN IMMEDIATE;
            CREATE TABLE IF NOT EXISTS work_items (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL UNIQUE,
                payload TEXT NOT NULL,
                submitted_at INTEGER NOT NULL,
                received_at INTEGER NOT NULL,
                status TEXT NOT NULL,
                holder_id TEXT NULL,
                holder_name TEXT NULL,
                updated_at INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS work_items_status ON work_items (status, submitted_at);
            CREATE TABLE IF NOT EXISTS work_notes (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL,
                at INTEGER NOT NULL,
                staff TEXT NOT NULL,
                status TEXT NOT NULL,
                note TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS work_notes_reference ON work_notes (reference);
            CREATE TABLE IF NOT EXISTS audit_trail (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL,
                at INTEGER NOT NULL,
                staff TEXT NOT NULL,
                action TEXT NOT NULL,
                status TEXT NULL
            );
            CREATE INDEX IF NOT EXISTS audit_trail_reference ON audit_trail (reference);
            CREATE TRIGGER IF NOT EXISTS audit_trail_no_update BEFORE UPDATE ON audit_trail
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS audit_trail_no_delete BEFORE DELETE ON audit_trail
            BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
            CREATE TABLE IF NOT EXISTS work_marks (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            COMMIT;
            """;
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}

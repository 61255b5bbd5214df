using BoneTumorInfo.Appointments.Receiving;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Appointments.WorkList;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BoneTumorInfo.Appointments.Tests.WorkList;

public sealed class WorkListStoreTests
{
    private static readonly StaffMember Rahima = new("id-rahima", "Rahima Akter");
    private static readonly StaffMember Kamal = new("id-kamal", "Kamal Hossain");

    internal static string NewFolder() => Path.Combine(Path.GetTempPath(), "bti-worklist-" + Guid.NewGuid().ToString("N"));

    internal static AppointmentRequest Request(string reference, DateTimeOffset sent, string name = "Nusrat Jahan", string? reason = "Swelling above the knee") =>
        new(reference, sent, Submitter.ParentOrCarer, name, new DateOnly(2015, 1, 14), "+8801712345678", null,
            Service.ChildrensTumourSurgery, CallLanguage.Bengali, reason);

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reference_is_taken_in_once_even_after_it_was_deleted()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        Assert.True(await store.AddAsync(Request("ABCD2345", Start)));
        Assert.False(await store.AddAsync(Request("ABCD2345", Start)));
        Assert.True(await store.DeleteAsync("ABCD2345", Rahima));
        Assert.False(await store.AddAsync(Request("ABCD2345", Start)));
        Assert.Empty(await store.ListAsync(new WorkListQuery(WorkView.All)));
    }

    [Fact]
    public async Task The_file_is_owner_only()
    {
        var path = Path.Combine(NewFolder(), WorkListStore.FileName);
        await using var store = new WorkListStore(path);
        await store.AddAsync(Request("ABCD2345", Start));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task The_list_shows_open_requests_oldest_or_newest_first()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        await store.AddAsync(Request("BBBB2345", Start.AddHours(2)));
        await store.AddAsync(Request("AAAA2345", Start));
        await store.AddAsync(Request("CCCC2345", Start.AddHours(4)));
        await store.RecordOutcomeAsync("CCCC2345", Rahima, WorkStatus.Booked, null);
        await store.RecordOutcomeAsync("BBBB2345", Rahima, WorkStatus.NoAnswer, null);

        Assert.Equal(["AAAA2345", "BBBB2345"], (await store.ListAsync(new WorkListQuery(WorkView.Open, OldestFirst: true))).Select(i => i.Reference));
        Assert.Equal(["BBBB2345", "AAAA2345"], (await store.ListAsync(new WorkListQuery(WorkView.Open, OldestFirst: false))).Select(i => i.Reference));
        Assert.Equal(["CCCC2345"], (await store.ListAsync(new WorkListQuery(WorkView.Done))).Select(i => i.Reference));
        Assert.Equal(Start, await store.OldestNewAsync());
    }

    [Fact]
    public async Task A_request_held_by_someone_else_needs_an_explicit_take_over()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        await store.AddAsync(Request("ABCD2345", Start));
        Assert.Equal(AssignResult.Assigned, (await store.AssignAsync("ABCD2345", Rahima, takeOver: false)).Result);
        Assert.Equal(AssignResult.AlreadyYours, (await store.AssignAsync("ABCD2345", Rahima, takeOver: false)).Result);

        var (refused, item) = await store.AssignAsync("ABCD2345", Kamal, takeOver: false);
        Assert.Equal(AssignResult.HeldByOther, refused);
        Assert.Equal("Rahima Akter", item!.Holder!.Name);

        var (taken, now) = await store.AssignAsync("ABCD2345", Kamal, takeOver: true);
        Assert.Equal(AssignResult.Assigned, taken);
        Assert.Equal("Kamal Hossain", now!.Holder!.Name);
        Assert.Equal(AssignResult.NotFound, (await store.AssignAsync("ZZZZ2345", Kamal, takeOver: true)).Result);

        var trail = await store.AuditTrailAsync("ABCD2345");
        Assert.Equal([(AuditActions.SystemName, AuditActions.Received), ("Rahima Akter", AuditActions.Assigned), ("Kamal Hossain", AuditActions.TakenOver)],
            trail.Select(e => (e.StaffName, e.Action)));
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_trail_with_who_and_when_but_never_the_note_or_patient_data()
    {
        var clock = new FakeTimeProvider(Start.AddHours(1));
        var folder = NewFolder();
        await using var store = new WorkListStore(Path.Combine(folder, WorkListStore.FileName), clock);
        await store.AddAsync(Request("ABCD2345", Start, name: "Nusrat Jahan", reason: "Swelling above the knee"));
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.RecordOutcomeAsync("ABCD2345", Rahima, WorkStatus.NoAnswer, "Rang twice, phone off");
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.RecordOutcomeAsync("ABCD2345", Kamal, WorkStatus.Booked, "Clinic on Sunday 10:00");
        clock.Advance(TimeSpan.FromMinutes(5));
        await store.DeleteAsync("ABCD2345", Kamal);

        var trail = await store.AuditTrailAsync();
        Assert.Equal(
            [
                (AuditActions.Received, (WorkStatus?)WorkStatus.New, "system", Start.AddHours(1)),
                (AuditActions.Outcome, WorkStatus.NoAnswer, "Rahima Akter", Start.AddHours(1).AddMinutes(5)),
                (AuditActions.Outcome, WorkStatus.Booked, "Kamal Hossain", Start.AddHours(1).AddMinutes(10)),
                (AuditActions.Deleted, null, "Kamal Hossain", Start.AddHours(1).AddMinutes(15)),
            ],
            trail.Select(e => (e.Action, e.Status, e.StaffName, e.At)));
        Assert.Null(await store.GetAsync("ABCD2345"));
        Assert.Empty(await store.NotesAsync("ABCD2345"));

        // Nothing of the person is left anywhere in the file: not in a table, not in a free page.
        await store.DisposeAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, WorkListStore.FileName));
        var walPath = Path.Combine(folder, WorkListStore.FileName + "-wal");
        var wal = File.Exists(walPath) ? await File.ReadAllBytesAsync(walPath) : [];
        foreach (var secret in new[] { "Nusrat", "Swelling", "Rang twice", "Clinic on Sunday", "8801712345678" })
        {
            var needle = System.Text.Encoding.UTF8.GetBytes(secret);
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"'{secret}' is still in the database file");
            Assert.True(wal.AsSpan().IndexOf(needle) < 0, $"'{secret}' is still in the write-ahead log");
        }
    }

    [Fact]
    public async Task Notes_stay_with_the_request_with_who_wrote_them()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        await store.AddAsync(Request("ABCD2345", Start));
        await store.RecordOutcomeAsync("ABCD2345", Rahima, WorkStatus.WrongNumber, "  Number belongs to a shop  ");
        var note = Assert.Single(await store.NotesAsync("ABCD2345"));
        Assert.Equal(("Rahima Akter", WorkStatus.WrongNumber, "Number belongs to a shop"), (note.StaffName, note.Status, note.Text));
        Assert.Equal(WorkStatus.WrongNumber, (await store.GetAsync("ABCD2345"))!.Status);
        Assert.False(await store.RecordOutcomeAsync("ZZZZ2345", Rahima, WorkStatus.Closed, null));
    }

    [Theory]
    [InlineData("UPDATE audit_trail SET staff = 'someone else'")]
    [InlineData("DELETE FROM audit_trail")]
    [InlineData("UPDATE audit_trail SET action = 'assigned' WHERE id = 1")]
    public async Task The_database_itself_refuses_to_change_or_remove_audit_rows(string sql)
    {
        var path = Path.Combine(NewFolder(), WorkListStore.FileName);
        await using (var store = new WorkListStore(path))
        {
            await store.AddAsync(Request("ABCD2345", Start));
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        command.CommandText = "SELECT count(*) FROM audit_trail WHERE staff = 'system' AND action = 'received'";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task New_requests_since_a_mark_are_counted_for_the_mail_and_the_mark_survives_a_restart()
    {
        var path = Path.Combine(NewFolder(), WorkListStore.FileName);
        await using (var store = new WorkListStore(path))
        {
            await store.AddAsync(Request("AAAA2345", Start));
            await store.AddAsync(Request("BBBB2345", Start));
            var (references, last) = await store.NewSinceAsync(await store.GetMarkAsync("mail"));
            Assert.Equal(["AAAA2345", "BBBB2345"], references);
            await store.SetMarkAsync("mail", last);
            await store.AddAsync(Request("CCCC2345", Start));
        }

        await using var again = new WorkListStore(path);
        Assert.Equal(["CCCC2345"], (await again.NewSinceAsync(await again.GetMarkAsync("mail"))).References);
    }

    [Fact]
    public async Task Intake_takes_each_request_from_the_local_queue_once_and_acknowledges_it_there()
    {
        var folder = NewFolder();
        await using var queue = new SqliteAppointmentStore(Path.Combine(folder, "appointments.db"));
        var first = await queue.EnqueueAsync(SqliteAppointmentStoreTests.Draft("Person One"), References.NewIdempotencyKey());
        var second = await queue.EnqueueAsync(SqliteAppointmentStoreTests.Draft("Person Two"), References.NewIdempotencyKey());
        await using var store = new WorkListStore(Path.Combine(folder, WorkListStore.FileName));

        await using (var source = new SqliteAppointmentSource(queue))
        {
            Assert.Equal(new IntakeResult(2, 0), await WorkListIntake.TakeWaitingAsync(source, store, default));
        }

        Assert.Empty(await queue.ReadUnreceivedAsync(10));
        Assert.Equal(new[] { first.Reference, second.Reference }.Order(), (await store.ListAsync(new WorkListQuery())).Select(i => i.Reference).Order());
        Assert.Equal("Person One", (await store.GetAsync(first.Reference))!.Request.PatientName);
    }

    [Fact]
    public async Task A_request_delivered_again_after_a_lost_acknowledgement_is_acknowledged_but_not_taken_twice()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        var acknowledged = new List<string>();
        var redelivery = new ListSource([Request("ABCD2345", Start), Request("ABCD2345", Start), Request("EFGH2345", Start)], acknowledged);
        Assert.Equal(new IntakeResult(2, 1), await WorkListIntake.TakeWaitingAsync(redelivery, store, default));
        Assert.Equal(["ABCD2345", "ABCD2345", "EFGH2345"], acknowledged);
        Assert.Equal(2, (await store.ListAsync(new WorkListQuery(WorkView.All))).Count);
    }

    [Fact]
    public async Task A_request_is_acknowledged_only_after_the_work_list_has_it()
    {
        var folder = NewFolder();
        await using var store = new WorkListStore(Path.Combine(folder, WorkListStore.FileName));
        var seenWhenAcknowledged = new List<bool>();
        var source = new ListSource([Request("ABCD2345", Start)], [], reference =>
            seenWhenAcknowledged.Add(store.GetAsync(reference).GetAwaiter().GetResult() is not null));
        await WorkListIntake.TakeWaitingAsync(source, store, default);
        Assert.Equal([true], seenWhenAcknowledged);
    }

    [Fact]
    public async Task A_burst_longer_than_one_batch_is_taken_in_whole_and_acknowledged_at_the_local_queue()
    {
        var folder = NewFolder();
        await using var queue = new SqliteAppointmentStore(Path.Combine(folder, "appointments.db"));
        var count = WorkListIntake.BatchSize * 2 + 37;
        var sent = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            queue.EnqueueAsync(SqliteAppointmentStoreTests.Draft($"Person {i}") with { Phone = $"0171{i:D7}" }, References.NewIdempotencyKey())));
        Assert.Equal(count, sent.Select(s => s.Reference).Distinct().Count());
        await using var store = new WorkListStore(Path.Combine(folder, WorkListStore.FileName));

        await using (var source = new SqliteAppointmentSource(queue))
        {
            Assert.Equal(new IntakeResult(count, 0), await WorkListIntake.TakeWaitingAsync(source, store, default));
        }

        Assert.Empty(await queue.ReadUnreceivedAsync(10));
        Assert.Equal(sent.Select(s => s.Reference).Order(), (await store.ListAsync(new WorkListQuery())).Select(i => i.Reference).Order());
        Assert.Equal(count, (await store.AuditTrailAsync()).Count);
    }

    [Fact]
    public async Task A_batch_the_work_list_refuses_is_acknowledged_nowhere_and_none_of_it_is_kept()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        var acknowledged = new List<string>();
        var source = new ListSource([Request("ABCD2345", Start), Request(" ", Start), Request("EFGH2345", Start)], acknowledged);
        await Assert.ThrowsAsync<ArgumentException>(() => WorkListIntake.TakeWaitingAsync(source, store, default));
        Assert.Empty(acknowledged);
        Assert.Empty(await store.ListAsync(new WorkListQuery(WorkView.All)));
    }

    [Fact]
    public async Task A_reference_repeated_within_one_batch_is_taken_once()
    {
        await using var store = new WorkListStore(Path.Combine(NewFolder(), WorkListStore.FileName));
        Assert.Equal([true, false, true], await store.AddManyAsync([Request("ABCD2345", Start), Request("ABCD2345", Start), Request("EFGH2345", Start)]));
        Assert.Equal(["ABCD2345", "EFGH2345"], (await store.AuditTrailAsync()).Select(a => a.Reference));
        Assert.Empty(await store.AddManyAsync([]));
    }

    private sealed class ListSource(IEnumerable<AppointmentRequest> requests, List<string> acknowledged, Action<string>? onAcknowledge = null) : IAppointmentSource
    {
        private readonly Queue<AppointmentRequest> _queue = new(requests);

        public Task<ReceivedRequest?> NextAsync(CancellationToken cancellationToken) =>
            Task.FromResult(_queue.TryDequeue(out var next)
                ? new ReceivedRequest(next.Reference, next, _ =>
                {
                    onAcknowledge?.Invoke(next.Reference);
                    acknowledged.Add(next.Reference);
                    return Task.CompletedTask;
                })
                : null);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

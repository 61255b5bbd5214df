using BoneTumorInfo.Appointments.Storage;

namespace BoneTumorInfo.Appointments.Tests;

public sealed class SqliteAppointmentStoreTests
{
    private static string NewPath() => Path.Combine(Path.GetTempPath(), "bti-store-" + Guid.NewGuid().ToString("N"), "appointments.db");

    /// <summary>A request; different names are different people.</summary>
    internal static AppointmentRequest Draft(string name = "Ayesha Siddiqua") => AppointmentRequest.Draft(
        Submitter.ParentOrCarer, name, new DateOnly(2012, 2, 29), "+8801812345678", "a@example.com",
        Service.ChildrensTumourSurgery, CallLanguage.Bengali, "ফোলা হাঁটু");

    [Fact]
    public async Task The_store_is_created_on_first_use_in_WAL_mode()
    {
        var path = NewPath();
        await using var store = new SqliteAppointmentStore(path);
        var queued = await store.EnqueueAsync(Draft(), References.NewIdempotencyKey());
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + "-wal"));
        var row = Assert.Single(await store.ReadUnreceivedAsync(10));
        Assert.Equal(queued.Reference, row.Reference);
        var request = AppointmentJson.Deserialize(row.Payload);
        Assert.Equal(queued.Reference, request.Reference);
        Assert.Equal("ফোলা হাঁটু", request.Reason);
    }

    [Fact]
    public async Task One_key_stores_one_request_however_often_and_however_concurrently_it_is_sent()
    {
        await using var store = new SqliteAppointmentStore(NewPath());
        var key = References.NewIdempotencyKey();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.EnqueueAsync(Draft(), key)));
        Assert.Single(results.Select(r => r.Reference).Distinct());
        Assert.Single(results, r => r.IsNew);
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task Many_people_at_once_are_all_stored()
    {
        await using var store = new SqliteAppointmentStore(NewPath());
        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => store.EnqueueAsync(Draft($"Person {i}"), References.NewIdempotencyKey()))));
        Assert.Equal(500, results.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(500, await store.CountAsync());
    }

    [Fact]
    public async Task The_write_ahead_log_stays_bounded_when_only_the_form_writes()
    {
        // The form writer leaves most copying to the other connections; with none of them
        // writing, its own threshold must still bound the log. 600 commits of one request each
        // write a few thousand pages, far past 64 of them.
        const int Threshold = 64;
        var path = NewPath();
        await using var store = new SqliteAppointmentStore(path, clock: null, logger: null, writerCheckpointPages: Threshold);
        for (var i = 0; i < 600; i++) await store.EnqueueAsync(Draft($"Person {i}"), References.NewIdempotencyKey());

        Assert.Equal(600, await store.CountAsync());
        // A log restarts from its beginning once copied: the threshold, plus the commit that
        // passed it, plus the log's header, in 4 KB pages with a 24-byte header each.
        var bound = 32 + (Threshold + 32) * (4096 + 24);
        Assert.InRange(new FileInfo(path + "-wal").Length, 0, bound);
    }

    [Fact]
    public async Task Relayed_and_received_marks_are_separate_and_old_delivered_rows_are_purged()
    {
        await using var store = new SqliteAppointmentStore(NewPath());
        var a = await store.EnqueueAsync(Draft(), References.NewIdempotencyKey());
        var b = await store.EnqueueAsync(Draft("Someone Else"), References.NewIdempotencyKey());
        Assert.NotNull(await store.OldestUnrelayedAsync());
        await store.MarkRelayedAsync([a.Reference, b.Reference]);
        Assert.Null(await store.OldestUnrelayedAsync());
        Assert.Equal(2, (await store.ReadUnreceivedAsync(10)).Count);

        Assert.Equal(0, await store.PurgeDeliveredAsync(DateTimeOffset.UtcNow.AddDays(-1)));
        Assert.Equal(2, await store.PurgeDeliveredAsync(DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(0, await store.CountAsync());
    }
}

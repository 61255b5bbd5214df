using BoneTumorInfo.Appointments.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BoneTumorInfo.Appointments.Tests;

/// <summary>
/// Going back from the confirmation page and sending the form again (a new form key) must not
/// put a second request in front of the people who call back.
/// </summary>
public sealed class SamePersonAgainTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));

    private static string NewPath() => Path.Combine(Path.GetTempPath(), "bti-again-" + Guid.NewGuid().ToString("N"), "appointments.db");

    private static AppointmentRequest Person(string name = "Ayesha Siddiqua", int day = 29, string phone = "+8801812345678") =>
        AppointmentRequest.Draft(Submitter.ParentOrCarer, name, new DateOnly(2012, 2, day), phone, null,
            Service.ChildrensTumourSurgery, CallLanguage.Bengali, null);

    [Fact]
    public async Task The_same_person_sending_a_new_form_within_a_day_gets_the_earlier_reference_back()
    {
        await using var store = new SqliteAppointmentStore(NewPath(), _clock);
        var first = await store.EnqueueAsync(Person(), References.NewIdempotencyKey());
        _clock.Advance(TimeSpan.FromHours(23));
        var again = await store.EnqueueAsync(Person("  ayesha   SIDDIQUA "), References.NewIdempotencyKey());

        Assert.Equal(first.Reference, again.Reference);
        Assert.False(again.IsNew);
        Assert.True(again.AlreadyHadRequest);
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task The_same_person_twice_in_one_burst_is_stored_once()
    {
        await using var store = new SqliteAppointmentStore(NewPath(), _clock);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.EnqueueAsync(Person(), References.NewIdempotencyKey())));
        Assert.Single(results.Select(r => r.Reference).Distinct());
        Assert.Single(results, r => r.IsNew);
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task Different_people_are_never_merged()
    {
        await using var store = new SqliteAppointmentStore(NewPath(), _clock);
        var results = new[]
        {
            await store.EnqueueAsync(Person(), References.NewIdempotencyKey()),
            await store.EnqueueAsync(Person(name: "Ayesha Siddika"), References.NewIdempotencyKey()),
            await store.EnqueueAsync(Person(day: 28), References.NewIdempotencyKey()),
            await store.EnqueueAsync(Person(phone: "+8801812345679"), References.NewIdempotencyKey()),
        };
        Assert.All(results, r => Assert.True(r.IsNew));
        Assert.Equal(4, results.Select(r => r.Reference).Distinct().Count());
        Assert.Equal(4, await store.CountAsync());
    }

    [Fact]
    public async Task After_a_day_the_same_person_makes_a_new_request()
    {
        await using var store = new SqliteAppointmentStore(NewPath(), _clock);
        var first = await store.EnqueueAsync(Person(), References.NewIdempotencyKey());
        _clock.Advance(TimeSpan.FromHours(24));
        var later = await store.EnqueueAsync(Person(), References.NewIdempotencyKey());
        Assert.True(later.IsNew);
        Assert.False(later.AlreadyHadRequest);
        Assert.NotEqual(first.Reference, later.Reference);
        Assert.Equal(2, await store.CountAsync());
    }

    [Fact]
    public async Task The_same_form_sent_again_is_a_resubmission_not_the_same_person_again()
    {
        await using var store = new SqliteAppointmentStore(NewPath(), _clock);
        var key = References.NewIdempotencyKey();
        var first = await store.EnqueueAsync(Person(), key);
        var again = await store.EnqueueAsync(Person(), key);
        Assert.Equal(first.Reference, again.Reference);
        Assert.False(again.IsNew);
        Assert.False(again.AlreadyHadRequest);
    }

    [Fact]
    public async Task The_store_keeps_only_a_hash_of_who_sent_a_request_for_the_lookup()
    {
        var path = NewPath();
        await using (var store = new SqliteAppointmentStore(path, _clock))
        {
            await store.EnqueueAsync(Person(), References.NewIdempotencyKey());
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT person_key FROM appointment_requests";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.Matches("^[0-9a-f]{64}$", stored);
        Assert.Equal(SamePerson.Key(Person("AYESHA  siddiqua")), stored);
        command.CommandText = "EXPLAIN QUERY PLAN SELECT reference FROM appointment_requests WHERE person_key = 'x' AND created_at > 0 ORDER BY created_at DESC LIMIT 1";
        await using var plan = await command.ExecuteReaderAsync();
        Assert.True(await plan.ReadAsync());
        Assert.Contains("appointment_requests_person", plan.GetString(3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_made_by_an_older_version_gets_the_new_columns_and_keeps_its_requests()
    {
        var path = NewPath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            // The first release's schema, with one request waiting.
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE appointment_requests (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, reference TEXT NOT NULL UNIQUE, idempotency_key TEXT NOT NULL UNIQUE,
                    payload TEXT NOT NULL, created_at INTEGER NOT NULL, relayed_at INTEGER NULL, received_at INTEGER NULL);
                INSERT INTO appointment_requests (reference, idempotency_key, payload, created_at)
                VALUES ('BT-4K7Q-9M3X', 'k', '{"reference":"BT-4K7Q-9M3X","submittedAt":"2026-03-10T09:00:00+00:00","submittedBy":"Patient","patientName":"Old Row","dateOfBirth":"1980-05-17","phone":"+8801712345678","email":null,"service":"NotSure","callLanguage":"English","reason":null}', 1);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using (var store = new SqliteAppointmentStore(path, _clock))
        {
            var added = await store.EnqueueAsync(Person() with { FormLanguage = FormLanguage.FromCode("bn") }, References.NewIdempotencyKey());
            Assert.True(added.IsNew);
            var rows = await store.ReadUnreceivedAsync(10);
            Assert.Equal(["BT-4K7Q-9M3X", added.Reference], rows.Select(r => r.Reference));
            Assert.Equal("Old Row", AppointmentJson.Deserialize(rows[0].Payload).PatientName);
            Assert.Equal(FormLanguage.English, AppointmentJson.Deserialize(rows[0].Payload).FormLanguage);
            Assert.Equal(FormLanguage.FromCode("bn"), AppointmentJson.Deserialize(rows[1].Payload).FormLanguage);
        }

        // Opening it again (the columns are there now) changes nothing.
        await using (var again = new SqliteAppointmentStore(path, _clock)) Assert.Equal(2, await again.CountAsync());

        await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        await check.OpenAsync();
        await using var query = check.CreateCommand();
        query.CommandText = "SELECT form_language FROM appointment_requests ORDER BY seq";
        var languages = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) languages.Add(reader.GetString(0));
        Assert.Equal(["en", "bn"], languages);
    }
}

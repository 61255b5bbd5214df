using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Storage;
using static BoneTumorInfo.Cli.Tests.Appointments.ReceiveHarness;

namespace BoneTumorInfo.Cli.Tests.Appointments;

/// <summary><c>bti appointments receive</c> over the embedded SQLite store (no broker configured).</summary>
public sealed class ReceiveFromStoreTests
{
    [Fact]
    public async Task Receive_writes_each_waiting_request_as_a_json_line_once()
    {
        var data = NewDataDirectory();
        await using var store = new SqliteAppointmentStore(Path.Combine(data, "appointments.db"));
        var sent = await Enqueue(store, 3);

        var (exit, output, errors) = await Bti("appointments", "receive", "--data-dir", data);
        Assert.Equal(0, exit);
        Assert.Equal(sent, ReferencesIn(output));
        Assert.Contains("3 requests received", errors, StringComparison.Ordinal);
        Assert.Contains("\"patientName\":\"Abdul Karim\"", output, StringComparison.Ordinal);
        Assert.Contains("\"dateOfBirth\":\"1980-05-17\"", output, StringComparison.Ordinal);

        // Acknowledged: a second run has nothing to say; a new request comes through on its own.
        var again = await Bti("appointments", "receive", "--data-dir", data);
        Assert.Empty(ReferencesIn(again.Output));
        var later = await Enqueue(store, 1);
        Assert.Equal(later, ReferencesIn((await Bti("appointments", "receive", "--data-dir", data)).Output));
    }

    [Fact]
    public async Task Csv_output_to_a_file_has_one_header_and_never_repeats_a_request()
    {
        var data = NewDataDirectory();
        var file = Path.Combine(data, "out.csv");
        await using var store = new SqliteAppointmentStore(Path.Combine(data, "appointments.db"));
        var sent = await Enqueue(store, 2);

        Assert.Equal(0, (await Bti("appointments", "receive", "--data-dir", data, "--format", "csv", "--output", file)).Exit);
        sent.AddRange(await Enqueue(store, 1));
        Assert.Equal(0, (await Bti("appointments", "receive", "--data-dir", data, "--format", "csv", "-o", file)).Exit);

        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("reference,submitted_at,submitted_by,patient_name,date_of_birth,phone,email,service,call_language,reason,form_language,phone_extension", lines[0]);
        Assert.Equal(sent, lines.Skip(1).Select(l => l.Split(',')[0]).ToList());
        Assert.EndsWith("\"Pain in the hip, \"\"worse\"\" at night, since March\",en,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_shows_which_language_the_form_was_filled_in()
    {
        var data = NewDataDirectory();
        await using var store = new SqliteAppointmentStore(Path.Combine(data, "appointments.db"));
        var bengali = await store.EnqueueAsync(Draft("আয়েশা সিদ্দিকা") with { FormLanguage = FormLanguage.FromCode("bn") }, References.NewIdempotencyKey());
        var english = await store.EnqueueAsync(Draft(), References.NewIdempotencyKey());

        var json = (await Bti("appointments", "receive", "--data-dir", data)).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, json.Length);
        Assert.Contains($"\"reference\":\"{bengali.Reference}\"", json[0], StringComparison.Ordinal);
        Assert.Contains("\"formLanguage\":\"bn\"", json[0], StringComparison.Ordinal);
        Assert.Contains($"\"reference\":\"{english.Reference}\"", json[1], StringComparison.Ordinal);
        Assert.Contains("\"formLanguage\":\"en\"", json[1], StringComparison.Ordinal);

        var csvData = NewDataDirectory();
        await using var csvStore = new SqliteAppointmentStore(Path.Combine(csvData, "appointments.db"));
        await csvStore.EnqueueAsync(Draft("আয়েশা সিদ্দিকা") with { FormLanguage = FormLanguage.FromCode("bn") }, References.NewIdempotencyKey());
        var csv = (await Bti("appointments", "receive", "--data-dir", csvData, "--format", "csv")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",form_language,phone_extension", csv[0].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.EndsWith(",bn,", csv[1].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_shows_the_phone_extension_beside_the_number()
    {
        var data = NewDataDirectory();
        await using var store = new SqliteAppointmentStore(Path.Combine(data, "appointments.db"));
        var sent = await store.EnqueueAsync(Draft() with { PhoneExtension = "12" }, References.NewIdempotencyKey());

        var json = (await Bti("appointments", "receive", "--data-dir", data)).Output;
        Assert.Contains($"\"reference\":\"{sent.Reference}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"phoneExtension\":\"12\"", json, StringComparison.Ordinal);

        var csvData = NewDataDirectory();
        await using var csvStore = new SqliteAppointmentStore(Path.Combine(csvData, "appointments.db"));
        await csvStore.EnqueueAsync(Draft() with { PhoneExtension = "12" }, References.NewIdempotencyKey());
        var csv = (await Bti("appointments", "receive", "--data-dir", csvData, "--format", "csv")).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",en,12", csv[1].TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_store_yet_means_no_requests_not_an_error()
    {
        var (exit, output, errors) = await Bti("appointments", "receive", "--data-dir", NewDataDirectory());
        Assert.Equal(0, exit);
        Assert.Empty(output);
        Assert.Contains("No requests yet", errors, StringComparison.Ordinal);
    }
}

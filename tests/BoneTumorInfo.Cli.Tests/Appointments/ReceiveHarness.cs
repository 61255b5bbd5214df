using System.Text.Json;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Storage;

namespace BoneTumorInfo.Cli.Tests.Appointments;

/// <summary>Runs <c>bti appointments receive</c> in-process and reads what it printed.</summary>
public static class ReceiveHarness
{
    public static Task<(int Exit, string Output, string Errors)> Bti(params string[] args) => BtiRunner.Bti(args);

    public static List<string> ReferencesIn(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("reference").GetString()!)
            .ToList();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "bti-cli-" + Guid.NewGuid().ToString("N"));

    private static int _people;

    /// <summary>A request from a new person each time (a different phone number), so the store never takes it for a second form from the same person.</summary>
    public static AppointmentRequest Draft(string name = "Abdul Karim") =>
        AppointmentRequest.Draft(Submitter.Patient, name, new DateOnly(1980, 5, 17), $"+88017{Interlocked.Increment(ref _people):D8}", null,
            Service.BoneTumourSurgery, CallLanguage.English, "Pain in the hip, \"worse\" at night, since March");

    public static async Task<List<string>> Enqueue(SqliteAppointmentStore store, int count)
    {
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            references.Add((await store.EnqueueAsync(Draft(), References.NewIdempotencyKey())).Reference);
        }

        return references;
    }
}

using System.Diagnostics;
using System.Globalization;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Receiving;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Appointments.WorkList;

/// <summary>
/// The work list's intake alone, without the site: fills a fresh queue with N requests (through
/// the form's own writer), then times one intake pass that moves them all into a fresh work list,
/// as the site's intake service does, and how its time divides between reading the queue, adding
/// to the work list and marking the queue's rows received.
///   dotnet run -c Release --project bench/appointments -- intake [requests] [rounds]
/// </summary>
internal static class IntakeBench
{
    public static async Task<int> RunAsync(int requests, int rounds)
    {
        for (var round = 1; round <= rounds; round++)
        {
            var data = Path.Combine(Path.GetTempPath(), "bti-intake-" + Guid.NewGuid().ToString("N"));
            try
            {
                await RoundAsync(data, requests, round);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(data, recursive: true);
            }
        }

        return 0;
    }

    private static async Task RoundAsync(string data, int requests, int round)
    {
        await using var queue = new SqliteAppointmentStore(Path.Combine(data, AppointmentsOptions.SqliteAppointmentStoreFileName));
        var pending = new List<Task>(64);
        for (var i = 0; i < requests; i++)
        {
            // Different people: the store folds a second request from the same person into the first.
            var draft = AppointmentRequest.Draft(Submitter.Patient, "Intake Bench " + i.ToString(CultureInfo.InvariantCulture), new DateOnly(1990, 1, 1),
                "017" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture), null, Service.NotSure, CallLanguage.English, "A swelling above the knee");
            pending.Add(queue.EnqueueAsync(draft, References.NewIdempotencyKey()));
            if (pending.Count == 64)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        await using var workList = new WorkListStore(Path.Combine(data, WorkListStore.FileName));
        await workList.AddManyAsync([]);

        var source = new TimedSource(new SqliteAppointmentSource(queue));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = await WorkListIntake.TakeWaitingAsync(source, workList, CancellationToken.None);
        wall.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var adding = wall.Elapsed - source.Reading.Elapsed - source.Marking.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: {result.Taken} taken ({result.Duplicates} seen before) in {wall.ElapsedMilliseconds} ms, {result.Taken / wall.Elapsed.TotalSeconds:0}/s, " +
            $"CPU {cpu.TotalMilliseconds:0} ms ({cpu.TotalMicroseconds / Math.Max(1, result.Taken):0} µs a request); " +
            $"reading {source.Reading.ElapsedMilliseconds} ms, adding {adding.TotalMilliseconds:0} ms, marking {source.Marking.ElapsedMilliseconds} ms"));
    }

    /// <summary>The intake's source, timed: reading (and parsing) the queue's rows, and marking them received.</summary>
    private sealed class TimedSource(IAppointmentSource inner) : IAppointmentSource
    {
        public Stopwatch Reading { get; } = new();

        public Stopwatch Marking { get; } = new();

        public async Task<ReceivedRequest?> NextAsync(CancellationToken cancellationToken)
        {
            Reading.Start();
            try
            {
                return await inner.NextAsync(cancellationToken);
            }
            finally
            {
                Reading.Stop();
            }
        }

        public async Task AcknowledgeAsync(IReadOnlyList<ReceivedRequest> received, CancellationToken cancellationToken)
        {
            Marking.Start();
            try
            {
                await inner.AcknowledgeAsync(received, cancellationToken);
            }
            finally
            {
                Marking.Stop();
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}

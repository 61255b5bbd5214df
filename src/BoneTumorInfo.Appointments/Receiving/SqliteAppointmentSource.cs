using BoneTumorInfo.Appointments.Storage;

namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>Takes requests straight from the embedded store; acknowledging marks the row received.</summary>
public sealed class SqliteAppointmentSource(SqliteAppointmentStore store) : IAppointmentSource
{
    private readonly Queue<StoredRequest> _buffer = new();
    private readonly HashSet<string> _handedOut = new(StringComparer.Ordinal);

    public async Task<ReceivedRequest?> NextAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count == 0)
        {
            foreach (var row in await store.ReadUnreceivedAsync(100, cancellationToken).ConfigureAwait(false))
            {
                // A row handed out but not acknowledged (its write failed) is not offered twice in one run.
                if (_handedOut.Add(row.Reference)) _buffer.Enqueue(row);
            }
        }

        if (!_buffer.TryDequeue(out var next)) return null;
        return new ReceivedRequest(next.Reference, AppointmentJson.Deserialize(next.Payload),
            ct => store.MarkReceivedAsync(next.Reference, ct));
    }

    /// <summary>Marks the whole batch received in one transaction (one disk flush, not one each).</summary>
    public Task AcknowledgeAsync(IReadOnlyList<ReceivedRequest> received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        return store.MarkReceivedAsync(received.Select(r => r.Reference).ToList(), cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

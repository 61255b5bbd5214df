using BoneTumorInfo.Appointments.Receiving;

namespace BoneTumorInfo.Appointments.WorkList;

/// <summary>What one pass of the intake did.</summary>
public sealed record IntakeResult(int Taken, int Duplicates);

/// <summary>
/// Moves requests from a source (the web's own SQLite store, or the RabbitMQ queue) into the
/// work list, the way <c>bti appointments receive</c> moves them into a file: each is committed
/// to the work list before it is acknowledged at its source, and a reference the work list has
/// already seen is acknowledged without being taken twice. A crash in between means the request
/// comes again and is recognised.
/// </summary>
/// <remarks>
/// Requests move in batches of up to <see cref="BatchSize"/>: one work-list transaction, then one
/// acknowledgement at the source, rather than two disk flushes per request. Under a burst of
/// forms the intake then keeps up, and holds the queue's write lock for one short transaction per
/// batch instead of taking it from the form's own writer once per request.
/// </remarks>
public static class WorkListIntake
{
    /// <summary>The most requests taken in one transaction.</summary>
    public const int BatchSize = 100;

    /// <summary>Takes every request waiting at the source now; returns when none is left.</summary>
    public static async Task<IntakeResult> TakeWaitingAsync(IAppointmentSource source, WorkListStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        int taken = 0, duplicates = 0;
        var batch = new List<ReceivedRequest>(BatchSize);
        var requests = new List<AppointmentRequest>(BatchSize);
        while (true)
        {
            batch.Clear();
            requests.Clear();
            while (batch.Count < BatchSize && await source.NextAsync(cancellationToken).ConfigureAwait(false) is { } next)
            {
                batch.Add(next);
                // The source's reference wins (RabbitMQ's message id): it is what the form gave the person.
                requests.Add(next.Request.Reference == next.Reference ? next.Request : next.Request with { Reference = next.Reference });
            }

            if (batch.Count == 0) return new IntakeResult(taken, duplicates);
            foreach (var added in await store.AddManyAsync(requests, cancellationToken).ConfigureAwait(false))
            {
                if (added) taken++;
                else duplicates++;
            }

            await source.AcknowledgeAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }
}

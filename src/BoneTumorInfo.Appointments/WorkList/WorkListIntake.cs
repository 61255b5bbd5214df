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
public static class WorkListIntake
{
    /// <summary>Takes every request waiting at the source now; returns when none is left.</summary>
    public static async Task<IntakeResult> TakeWaitingAsync(IAppointmentSource source, WorkListStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        int taken = 0, duplicates = 0;
        while (await source.NextAsync(cancellationToken).ConfigureAwait(false) is { } next)
        {
            // The source's reference wins (RabbitMQ's message id): it is what the form gave the person.
            var request = next.Request.Reference == next.Reference ? next.Request : next.Request with { Reference = next.Reference };
            if (await store.AddAsync(request, cancellationToken).ConfigureAwait(false)) taken++;
            else duplicates++;
            await next.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
        }

        return new IntakeResult(taken, duplicates);
    }
}

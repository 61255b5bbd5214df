namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>One request taken from a backend, not yet acknowledged.</summary>
public sealed record ReceivedRequest(string Reference, AppointmentRequest Request, Func<CancellationToken, Task> AcknowledgeAsync);

/// <summary>Where staff take requests from: the SQLite store, or the RabbitMQ queue.</summary>
public interface IAppointmentSource : IAsyncDisposable
{
    /// <summary>The next request, or null when none is waiting right now.</summary>
    Task<ReceivedRequest?> NextAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Acknowledges requests this source handed out, once they are safe elsewhere. A backend that
    /// can acknowledge many in one step (one transaction) does so; otherwise each in turn.
    /// </summary>
    async Task AcknowledgeAsync(IReadOnlyList<ReceivedRequest> received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        foreach (var request in received) await request.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
    }
}

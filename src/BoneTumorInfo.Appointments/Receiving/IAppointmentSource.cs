namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>One request taken from a backend, not yet acknowledged.</summary>
public sealed record ReceivedRequest(string Reference, AppointmentRequest Request, Func<CancellationToken, Task> AcknowledgeAsync);

/// <summary>Where staff take requests from: the SQLite store, or the RabbitMQ queue.</summary>
public interface IAppointmentSource : IAsyncDisposable
{
    /// <summary>The next request, or null when none is waiting right now.</summary>
    Task<ReceivedRequest?> NextAsync(CancellationToken cancellationToken);
}

namespace BoneTumorInfo.Appointments;

/// <summary>The reference a request was stored under, and whether this call stored it (false: a resubmission).</summary>
public sealed record Enqueued(string Reference, bool IsNew);

/// <summary>
/// Where the form puts requests (the hospital's inbox of appointment requests). <see cref="EnqueueAsync"/> returns only once the request is
/// durable: a person is shown a reference only for a request that survives a crash.
/// </summary>
public interface IAppointmentInbox
{
    /// <summary>
    /// Stores <paramref name="draft"/> under the reference derived from <paramref name="idempotencyKey"/>.
    /// The same key again returns the first reference and stores nothing new.
    /// </summary>
    Task<Enqueued> EnqueueAsync(AppointmentRequest draft, string idempotencyKey, CancellationToken cancellationToken = default);
}

namespace BoneTumorInfo.Appointments;

/// <summary>The reference a request was stored under, and whether this call stored it.</summary>
/// <param name="IsNew">True when this call stored the request; false when an earlier one is answered instead.</param>
/// <param name="AlreadyHadRequest">
/// True when the same person (same name, date of birth and phone) sent another form within
/// <see cref="SamePerson.Window"/>: <paramref name="Reference"/> is that earlier request's, and
/// nothing new was stored. False with <paramref name="IsNew"/> false: the same form was sent again.
/// </param>
public sealed record Enqueued(string Reference, bool IsNew, bool AlreadyHadRequest = false);

/// <summary>
/// Where the form puts requests (the hospital's inbox of appointment requests). <see cref="EnqueueAsync"/> returns only once the request is
/// durable: a person is shown a reference only for a request that survives a crash.
/// </summary>
public interface IAppointmentInbox
{
    /// <summary>
    /// Stores <paramref name="draft"/> under the reference derived from <paramref name="idempotencyKey"/>.
    /// The same key again returns the first reference and stores nothing new; so does the same
    /// person within <see cref="SamePerson.Window"/> (then <see cref="Enqueued.AlreadyHadRequest"/> is set).
    /// </summary>
    Task<Enqueued> EnqueueAsync(AppointmentRequest draft, string idempotencyKey, CancellationToken cancellationToken = default);
}

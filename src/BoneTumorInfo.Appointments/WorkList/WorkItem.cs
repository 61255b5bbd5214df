namespace BoneTumorInfo.Appointments.WorkList;

/// <summary>A member of staff as the work list records them: the account id and the name others see.</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>One request in the work list: the request itself and where the work on it stands.</summary>
/// <remarks>Holds patient data (inside <see cref="Request"/>): never logged; only <see cref="Reference"/> is.</remarks>
public sealed record WorkItem(
    long Sequence,
    string Reference,
    AppointmentRequest Request,
    DateTimeOffset ReceivedAt,
    WorkStatus Status,
    StaffMember? Holder,
    DateTimeOffset UpdatedAt)
{
    public DateTimeOffset SubmittedAt => Request.SubmittedAt;

    public bool IsHeldBy(string staffId) => Holder is not null && string.Equals(Holder.Id, staffId, StringComparison.Ordinal);
}

/// <summary>A note a coordinator wrote with an outcome. Kept with the request, deleted with it.</summary>
public sealed record WorkNote(DateTimeOffset At, string StaffName, WorkStatus Status, string Text);

/// <summary>
/// One line of the append-only audit trail: a reference, what happened, the status after it,
/// who and when. Never patient data, never the note's text.
/// </summary>
public sealed record AuditEntry(long Id, string Reference, DateTimeOffset At, string StaffName, string Action, WorkStatus? Status);

/// <summary>What the audit trail says happened.</summary>
public static class AuditActions
{
    public const string Received = "received";
    public const string Assigned = "assigned";
    public const string TakenOver = "taken over";
    public const string Released = "released";
    public const string Outcome = "outcome recorded";
    public const string Deleted = "deleted";

    /// <summary>The name recorded for what the system did by itself (taking a request in).</summary>
    public const string SystemName = "system";
}

/// <summary>Which requests a list shows.</summary>
public enum WorkView
{
    /// <summary>New and "no answer": still to call.</summary>
    Open,
    Done,
    All,
}

/// <summary>A view of the work list: which requests, in which order.</summary>
public sealed record WorkListQuery(WorkView View = WorkView.Open, bool OldestFirst = true);

/// <summary>The result of "assign to me".</summary>
public enum AssignResult
{
    Assigned,
    AlreadyYours,

    /// <summary>Someone else holds it; taking it needs an explicit take-over.</summary>
    HeldByOther,
    NotFound,
}

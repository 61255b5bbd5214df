namespace BoneTumorInfo.Appointments.WorkList;

/// <summary>Where a request is in the coordinators' work: new, or the outcome of the last call.</summary>
public enum WorkStatus
{
    New,
    Booked,
    NoAnswer,
    WrongNumber,
    Withdrawn,
    Closed,
}

/// <summary>The words staff read for each value, and which statuses still need a call.</summary>
public static class WorkStatuses
{
    /// <summary>The outcomes a coordinator can record, in the order the form offers them.</summary>
    public static IReadOnlyList<WorkStatus> Outcomes { get; } =
        [WorkStatus.Booked, WorkStatus.NoAnswer, WorkStatus.WrongNumber, WorkStatus.Withdrawn, WorkStatus.Closed];

    /// <summary>New and "no answer" still need someone to call.</summary>
    public static bool IsOpen(this WorkStatus status) => status is WorkStatus.New or WorkStatus.NoAnswer;

    public static string Readable(this WorkStatus status) => status switch
    {
        WorkStatus.New => "New",
        WorkStatus.Booked => "Called and booked",
        WorkStatus.NoAnswer => "No answer (try again)",
        WorkStatus.WrongNumber => "Wrong number",
        WorkStatus.Withdrawn => "Withdrawn",
        WorkStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The value kept in the database and in form fields ("no-answer"): stable, unlike the enum's number.</summary>
    public static string Code(this WorkStatus status) => status switch
    {
        WorkStatus.New => "new",
        WorkStatus.Booked => "booked",
        WorkStatus.NoAnswer => "no-answer",
        WorkStatus.WrongNumber => "wrong-number",
        WorkStatus.Withdrawn => "withdrawn",
        WorkStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParse(string? code, out WorkStatus status)
    {
        foreach (var candidate in Enum.GetValues<WorkStatus>())
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}

/// <summary>The request's own values as staff read them ("Parent or carer", not "ParentOrCarer").</summary>
public static class ReadableValues
{
    public static string Readable(this Submitter submitter) => submitter switch
    {
        Submitter.Patient => "Patient",
        Submitter.ParentOrCarer => "Parent or carer",
        Submitter.SomeoneElse => "Someone else",
        _ => throw new ArgumentOutOfRangeException(nameof(submitter)),
    };

    public static string Readable(this Service service) => service switch
    {
        Service.BoneTumourSurgery => "Bone tumour surgery",
        Service.ChildrensTumourSurgery => "Children's tumour surgery",
        Service.NotSure => "Not sure",
        _ => throw new ArgumentOutOfRangeException(nameof(service)),
    };

    public static string Readable(this CallLanguage language) => language switch
    {
        CallLanguage.English => "English",
        CallLanguage.Bengali => "Bengali",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };
}

using System.Text.Json.Serialization;

namespace BoneTumorInfo.Appointments;

/// <summary>Who filled in the form.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Submitter>))]
public enum Submitter
{
    Patient,
    ParentOrCarer,
    SomeoneElse,
}

/// <summary>Which team the request is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Service>))]
public enum Service
{
    BoneTumourSurgery,
    ChildrensTumourSurgery,
    NotSure,
}

/// <summary>The language the person wants the call back in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallLanguage>))]
public enum CallLanguage
{
    English,
    Bengali,
}

/// <summary>
/// A checked, complete appointment request: what travels through the queue to the people who
/// call back. It holds patient data, so it is never logged; only <see cref="Reference"/> is.
/// </summary>
public sealed record AppointmentRequest(
    string Reference,
    DateTimeOffset SubmittedAt,
    Submitter SubmittedBy,
    string PatientName,
    DateOnly DateOfBirth,
    string Phone,
    string? Email,
    Service Service,
    CallLanguage CallLanguage,
    string? Reason)
{
    /// <summary>The language the form was read and filled in; requests stored before this was recorded read as English.</summary>
    public FormLanguage FormLanguage { get; init; } = FormLanguage.English;

    /// <summary>
    /// The extension to ask for once <see cref="Phone"/> (always E.164, ready to dial) answers,
    /// as the person typed it ("01712345678 ext 12" gives "12"); null when there is none.
    /// </summary>
    public string? PhoneExtension { get; init; }

    /// <summary>The details as the form gave them, before the store gives them a reference.</summary>
    public static AppointmentRequest Draft(
        Submitter submittedBy, string patientName, DateOnly dateOfBirth, string phone, string? email,
        Service service, CallLanguage callLanguage, string? reason) =>
        new("", default, submittedBy, patientName, dateOfBirth, phone, email, service, callLanguage, reason);
}

namespace BoneTumorInfo.Appointments.Requests;

/// <summary>
/// The form exactly as a person filled it in: every field is text, so whatever they typed can
/// be shown back to them when something needs fixing.
/// </summary>
public sealed class AppointmentForm
{
    public string? SubmittedBy { get; set; }

    public string? PatientName { get; set; }

    public string? DobDay { get; set; }

    public string? DobMonth { get; set; }

    public string? DobYear { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Service { get; set; }

    public string? CallLanguage { get; set; }

    public string? Reason { get; set; }

    /// <summary>"yes" when the box is ticked; browsers send nothing for an unticked box.</summary>
    public string? Consent { get; set; }

    /// <summary>Ties a resubmission of the same form to the request it already made.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>
    /// The hidden field (<see cref="FormFields.Honeypot"/>) as model binding gives it: only
    /// the first copy, and blank made null. Hidden from people; only bots fill it in.
    /// </summary>
    public string? Website { get; set; }

    /// <summary>
    /// Every copy of the hidden field the post carried, exactly as sent: the page copies
    /// <c>Request.Form["Website"]</c> here, because model binding drops a whitespace-only value
    /// and every copy after the first.
    /// </summary>
    public IReadOnlyList<string?> HoneypotValues { get; set; } = [];

    /// <summary>
    /// Sent by a bot: the hidden field has a value in any of its copies. Whitespace counts as a
    /// value, because a person never sees the field and so never types anything in it.
    /// </summary>
    public bool IsBot => !string.IsNullOrEmpty(Website) || HoneypotValues.Any(v => !string.IsNullOrEmpty(v));
}

/// <summary>The form's field names, shared by the page, the validator and the error summary.</summary>
public static class FormFields
{
    public const string SubmittedBy = "submitted-by";
    public const string PatientName = "patient-name";
    public const string DateOfBirth = "dob";
    public const string DobDay = "dob-day";
    public const string DobMonth = "dob-month";
    public const string DobYear = "dob-year";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Service = "service";
    public const string CallLanguage = "call-language";
    public const string Reason = "reason";
    public const string Consent = "consent";

    /// <summary>The name the hidden bot-trap field is posted under (see <see cref="AppointmentForm.IsBot"/>).</summary>
    public const string Honeypot = "Website";

    /// <summary>The form values of the radio and choice fields, as the page writes them.</summary>
    public static readonly IReadOnlyDictionary<string, Submitter> SubmitterValues = new Dictionary<string, Submitter>(StringComparer.Ordinal)
    {
        ["patient"] = Submitter.Patient,
        ["parent-or-carer"] = Submitter.ParentOrCarer,
        ["someone-else"] = Submitter.SomeoneElse,
    };

    public static readonly IReadOnlyDictionary<string, Service> ServiceValues = new Dictionary<string, Service>(StringComparer.Ordinal)
    {
        ["bone-tumour-surgery"] = Appointments.Service.BoneTumourSurgery,
        ["childrens-tumour-surgery"] = Appointments.Service.ChildrensTumourSurgery,
        ["not-sure"] = Appointments.Service.NotSure,
    };

    public static readonly IReadOnlyDictionary<string, CallLanguage> LanguageValues = new Dictionary<string, CallLanguage>(StringComparer.Ordinal)
    {
        ["english"] = Appointments.CallLanguage.English,
        ["bengali"] = Appointments.CallLanguage.Bengali,
    };
}

using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace BoneTumorInfo.Appointments.Requests;

/// <summary>
/// Checks a form the way the GOV.UK and NHS design systems describe: each field gets its own
/// message that says what to do, not what went wrong in the code.
/// </summary>
public sealed class AppointmentFormValidator(TimeProvider clock)
{
    public const int MaxNameLength = 300;
    public const int MaxReasonLength = 1000;
    public const int MaxEmailLength = 254;
    public const string DefaultPhoneRegion = "BD";

    /// <summary>Bangladesh has one offset all year, so "today" for a date of birth is fixed to it.</summary>
    private static readonly TimeSpan BangladeshOffset = TimeSpan.FromHours(6);

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public FormValidation Validate(AppointmentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();

        Submitter? submitter = FormFields.SubmitterValues.TryGetValue(Clean(form.SubmittedBy) ?? "", out var s) ? s : null;
        if (submitter is null)
            errors.Add(new(FormFields.SubmittedBy, FormFields.SubmittedBy, "Select who is filling in this form"));

        var name = Clean(form.PatientName);
        if (name is null)
            errors.Add(new(FormFields.PatientName, FormFields.PatientName, "Enter the patient's full name"));
        else if (name.Length > MaxNameLength)
            errors.Add(new(FormFields.PatientName, FormFields.PatientName, $"Full name must be {MaxNameLength} characters or fewer"));

        var dateOfBirth = ValidateDateOfBirth(form, errors);

        var phone = ValidatePhone(Clean(form.Phone), errors);

        var email = Clean(form.Email);
        if (email is not null && !LooksLikeEmail(email))
            errors.Add(new(FormFields.Email, FormFields.Email, "Enter an email address in the correct format, like name@example.com"));

        Service? service = FormFields.ServiceValues.TryGetValue(Clean(form.Service) ?? "", out var sv) ? sv : null;
        if (service is null)
            errors.Add(new(FormFields.Service, FormFields.Service, "Select which service the appointment is for"));

        CallLanguage? language = FormFields.LanguageValues.TryGetValue(Clean(form.CallLanguage) ?? "", out var l) ? l : null;
        if (language is null)
            errors.Add(new(FormFields.CallLanguage, FormFields.CallLanguage, "Select the language you would like us to call you in"));

        var reason = NormaliseReason(form.Reason);
        if (reason is not null && reason.Length > MaxReasonLength)
            errors.Add(new(FormFields.Reason, FormFields.Reason, "Reason must be 1,000 characters or fewer"));

        if (!string.Equals(Clean(form.Consent), "yes", StringComparison.Ordinal))
            errors.Add(new(FormFields.Consent, FormFields.Consent, "Tick the box to agree to us using these details to contact you"));

        if (errors.Count > 0) return new FormValidation(null, errors);

        var draft = AppointmentRequest.Draft(submitter!.Value, name!, dateOfBirth!.Value, phone!, email, service!.Value, language!.Value, reason);
        return new FormValidation(draft, errors);
    }

    private DateOnly? ValidateDateOfBirth(AppointmentForm form, List<FieldError> errors)
    {
        var day = Clean(form.DobDay);
        var month = Clean(form.DobMonth);
        var year = Clean(form.DobYear);
        void Fail(string targetId, string message) => errors.Add(new(FormFields.DateOfBirth, targetId, message));

        if (day is null && month is null && year is null)
        {
            Fail(FormFields.DobDay, "Enter the patient's date of birth");
            return null;
        }

        var missing = new List<(string Name, string Id)>();
        if (day is null) missing.Add(("day", FormFields.DobDay));
        if (month is null) missing.Add(("month", FormFields.DobMonth));
        if (year is null) missing.Add(("year", FormFields.DobYear));
        if (missing.Count > 0)
        {
            Fail(missing[0].Id, $"Date of birth must include a {string.Join(" and a ", missing.Select(m => m.Name))}");
            return null;
        }

        int? d = ParseNumber(day!);
        int? m = ParseMonth(month!);
        int? y = ParseNumber(year!);
        if (y is not null && year!.Trim().Length != 4)
        {
            Fail(FormFields.DobYear, "Year must include 4 numbers");
            return null;
        }

        if (d is null || m is null || y is null || m is < 1 or > 12 || y < 1 || d < 1 || d > DateTime.DaysInMonth(y.Value, m.Value))
        {
            Fail(d is null or < 1 or > 31 ? FormFields.DobDay : m is null or < 1 or > 12 ? FormFields.DobMonth : FormFields.DobDay,
                "Date of birth must be a real date");
            return null;
        }

        var date = new DateOnly(y.Value, m.Value, d.Value);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(BangladeshOffset).DateTime);
        if (date > today)
        {
            Fail(FormFields.DobDay, "Date of birth must be in the past");
            return null;
        }

        if (date.Year < 1900)
        {
            Fail(FormFields.DobYear, "Date of birth must be after 1 January 1900");
            return null;
        }

        return date;
    }

    private static string? ValidatePhone(string? text, List<FieldError> errors)
    {
        if (text is null)
        {
            errors.Add(new(FormFields.Phone, FormFields.Phone, "Enter a phone number"));
            return null;
        }

        try
        {
            var number = Phones.Parse(ToAsciiDigits(text), DefaultPhoneRegion);
            if (Phones.IsValidNumber(number)) return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
            // Not a number at all: the same message as a number that cannot exist.
        }

        errors.Add(new(FormFields.Phone, FormFields.Phone,
            "Enter a phone number in the correct format, like 01712 345678 or +880 1712 345678"));
        return null;
    }

    /// <summary>Numbers, month names and short month names ("jan", "Sept"), in any case.</summary>
    internal static int? ParseMonth(string text)
    {
        if (ParseNumber(text) is { } number) return number;
        var word = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (word.Length < 3) return null;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(word, StringComparison.Ordinal)) return i + 1;
        }

        return null;
    }

    /// <summary>Whole numbers in Western or Bengali digits (০–৯), as people type them on a phone.</summary>
    internal static int? ParseNumber(string text)
    {
        var ascii = ToAsciiDigits(text.Trim());
        return ascii.Length is > 0 and <= 4 && ascii.All(char.IsAsciiDigit)
            ? int.Parse(ascii, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
    }

    private static string ToAsciiDigits(string text)
    {
        if (text.All(c => c < 128)) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsDigit(c) && !char.IsAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        }

        return builder.ToString();
    }

    /// <summary>One address, no spaces, a dot in the domain: strict enough to catch typing slips, no stricter.</summary>
    private static bool LooksLikeEmail(string email)
    {
        if (email.Length > MaxEmailLength || email.Any(char.IsWhiteSpace)) return false;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at < 1 || at != email.LastIndexOf('@')) return false;
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1;
    }

    /// <summary>Browsers send a text area's line breaks as CR LF; count each as one character, as the page's counter does.</summary>
    private static string? NormaliseReason(string? text) =>
        Clean(text?.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

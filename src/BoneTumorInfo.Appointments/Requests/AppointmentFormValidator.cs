using System.Globalization;
using System.Text;
using PhoneNumbers;

namespace BoneTumorInfo.Appointments.Requests;

/// <summary>
/// Checks a form the way the GOV.UK and NHS design systems describe: each field gets its own
/// message that says what to do, not what went wrong in the code. One set of rules; the
/// messages come in the language the form was read in (see <see cref="FormText"/>).
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

    /// <summary>The English form: the same as <c>Validate(form, FormLanguage.English)</c>.</summary>
    public FormValidation Validate(AppointmentForm form) => Validate(form, FormLanguage.English);

    /// <summary>Checks <paramref name="form"/>; every message is in <paramref name="language"/>, and a valid request records it.</summary>
    public FormValidation Validate(AppointmentForm form, FormLanguage language)
    {
        ArgumentNullException.ThrowIfNull(form);
        var l = language;
        var errors = new List<FieldError>();

        Submitter? submitter = FormFields.SubmitterValues.TryGetValue(Clean(form.SubmittedBy) ?? "", out var s) ? s : null;
        if (submitter is null)
            errors.Add(new(FormFields.SubmittedBy, FormFields.SubmittedBy, FormText.SelectSubmitter(l)));

        var name = Clean(form.PatientName);
        if (name is null)
            errors.Add(new(FormFields.PatientName, FormFields.PatientName, FormText.EnterName(l)));
        else if (name.Length > MaxNameLength)
            errors.Add(new(FormFields.PatientName, FormFields.PatientName, FormText.NameTooLong(l, MaxNameLength)));

        var dateOfBirth = ValidateDateOfBirth(form, l, errors);

        var (phone, extension) = ValidatePhone(Clean(form.Phone), l, errors);

        var email = Clean(form.Email);
        if (email is not null && !LooksLikeEmail(email))
            errors.Add(new(FormFields.Email, FormFields.Email, FormText.EmailFormat(l)));

        Service? service = FormFields.ServiceValues.TryGetValue(Clean(form.Service) ?? "", out var sv) ? sv : null;
        if (service is null)
            errors.Add(new(FormFields.Service, FormFields.Service, FormText.SelectService(l)));

        CallLanguage? callLanguage = FormFields.LanguageValues.TryGetValue(Clean(form.CallLanguage) ?? "", out var lv) ? lv : null;
        if (callLanguage is null)
            errors.Add(new(FormFields.CallLanguage, FormFields.CallLanguage, FormText.SelectCallLanguage(l)));

        var reason = NormaliseReason(form.Reason);
        if (reason is not null && reason.Length > MaxReasonLength)
            errors.Add(new(FormFields.Reason, FormFields.Reason, FormText.ReasonTooLong(l, MaxReasonLength)));

        if (!string.Equals(Clean(form.Consent), "yes", StringComparison.Ordinal))
            errors.Add(new(FormFields.Consent, FormFields.Consent, FormText.TickConsent(l)));

        if (errors.Count > 0) return new FormValidation(null, errors);

        var draft = AppointmentRequest.Draft(submitter!.Value, name!, dateOfBirth!.Value, phone!, email, service!.Value, callLanguage!.Value, reason)
            with { FormLanguage = language, PhoneExtension = extension };
        return new FormValidation(draft, errors);
    }

    private DateOnly? ValidateDateOfBirth(AppointmentForm form, FormLanguage l, List<FieldError> errors)
    {
        var day = Clean(form.DobDay);
        var month = Clean(form.DobMonth);
        var year = Clean(form.DobYear);
        void Fail(string targetId, string message) => errors.Add(new(FormFields.DateOfBirth, targetId, message));

        if (day is null && month is null && year is null)
        {
            Fail(FormFields.DobDay, FormText.EnterDateOfBirth(l));
            return null;
        }

        var missing = new List<(FormText.DatePart Part, string Id)>();
        if (day is null) missing.Add((FormText.DatePart.Day, FormFields.DobDay));
        if (month is null) missing.Add((FormText.DatePart.Month, FormFields.DobMonth));
        if (year is null) missing.Add((FormText.DatePart.Year, FormFields.DobYear));
        if (missing.Count > 0)
        {
            Fail(missing[0].Id, FormText.DateOfBirthMissing(l, missing.Select(m => m.Part).ToList()));
            return null;
        }

        int? d = ParseNumber(day!);
        int? m = ParseMonth(month!);
        int? y = ParseNumber(year!);
        if (y is not null && TypedText.Normalise(year!).Trim().Length != 4)
        {
            Fail(FormFields.DobYear, FormText.YearFourDigits(l));
            return null;
        }

        if (d is null || m is null || y is null || m is < 1 or > 12 || y < 1 || d < 1 || d > DateTime.DaysInMonth(y.Value, m.Value))
        {
            Fail(d is null or < 1 or > 31 ? FormFields.DobDay : m is null or < 1 or > 12 ? FormFields.DobMonth : FormFields.DobDay,
                FormText.RealDate(l));
            return null;
        }

        var date = new DateOnly(y.Value, m.Value, d.Value);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(BangladeshOffset).DateTime);
        if (date > today)
        {
            Fail(FormFields.DobDay, FormText.DateInPast(l));
            return null;
        }

        if (date.Year < 1900)
        {
            Fail(FormFields.DobYear, FormText.DateAfter1900(l));
            return null;
        }

        return date;
    }

    /// <summary>The number in E.164, and its extension if one was typed ("ext 12", "x 12"): E.164 itself has no room for one.</summary>
    private static (string? Number, string? Extension) ValidatePhone(string? text, FormLanguage l, List<FieldError> errors)
    {
        if (text is null)
        {
            errors.Add(new(FormFields.Phone, FormFields.Phone, FormText.EnterPhone(l)));
            return (null, null);
        }

        try
        {
            var number = Phones.Parse(ToAsciiDigits(text), DefaultPhoneRegion);
            if (Phones.IsValidNumber(number))
            {
                return (Phones.Format(number, PhoneNumberFormat.E164), number.HasExtension && number.Extension.Length > 0 ? number.Extension : null);
            }
        }
        catch (NumberParseException)
        {
            // Not a number at all: the same message as a number that cannot exist.
        }

        errors.Add(new(FormFields.Phone, FormFields.Phone,
            FormText.PhoneFormat(l)));
        return (null, null);
    }

    /// <summary>
    /// The Bengali names of the (Gregorian) months as people write them: the usual spelling and
    /// the common variants (ী for ি, ষ for স, া for আ-কার in the English-style endings).
    /// Compared after <see cref="TypedText.Normalise"/>, so য় typed as one letter or as য plus
    /// nukta, and stray zero-width joiners, make no difference.
    /// </summary>
    private static readonly Dictionary<string, int> BengaliMonths = new[]
    {
        (1, new[] { "জানুয়ারি", "জানুয়ারী", "জানুআরি", "জানুয়ারি" }),
        (2, ["ফেব্রুয়ারি", "ফেব্রুয়ারী", "ফেব্রুআরি", "ফেব্রুয়ারি", "ফেবরুয়ারি"]),
        (3, ["মার্চ"]),
        (4, ["এপ্রিল", "এপ্রিল"]),
        (5, ["মে"]),
        (6, ["জুন"]),
        (7, ["জুলাই"]),
        (8, ["আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "অগাষ্ট"]),
        (9, ["সেপ্টেম্বর", "সেপ্টেম্বার", "সেপটেম্বর"]),
        (10, ["অক্টোবর", "অক্টোবার", "অকটোবর"]),
        (11, ["নভেম্বর", "নভেম্বার"]),
        (12, ["ডিসেম্বর", "ডিসেম্বার"]),
    }
    .SelectMany(m => m.Item2.Select(name => (Name: TypedText.Normalise(name), Month: m.Item1)))
    .DistinctBy(m => m.Name)
    .ToDictionary(m => m.Name, m => m.Month, StringComparer.Ordinal);

    /// <summary>
    /// A month as people write it: a number (Latin or Bengali digits), an English name or its
    /// first three letters or more ("jan", "Sept"), in any case, or a Bengali month name.
    /// </summary>
    internal static int? ParseMonth(string text)
    {
        var clean = TypedText.Normalise(text).Trim().TrimEnd('.', '।').Trim();
        if (ParseNumber(clean) is { } number) return number;
        if (BengaliMonths.TryGetValue(clean, out var bengali)) return bengali;
        var word = clean.ToLowerInvariant();
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
        var ascii = ToAsciiDigits(TypedText.Normalise(text).Trim());
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

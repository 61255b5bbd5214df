using System.Globalization;
using System.Resources;

namespace BoneTumorInfo.Appointments.Requests;

/// <summary>
/// Everything the form says to a person: the error messages (one set of rules, every language)
/// and the words for the choices. The wording is in <c>FormText.resx</c> (English, following the
/// GOV.UK pattern: say what to do) and <c>FormText.&lt;code&gt;.resx</c> beside it (Bengali,
/// written for Bengali readers in the same spirit, not translated word for word, naming each field
/// as the Bengali form does). A language gets a form of its own by getting a file of its own.
/// </summary>
public static class FormText
{
    private static readonly ResourceManager Resources = new("BoneTumorInfo.Appointments.Requests.FormText", typeof(FormText).Assembly);

    // ---- labels for the values a request holds ----

    public static string Label(Submitter value, FormLanguage language) => value switch
    {
        Submitter.Patient => Get(language, "SubmitterPatient"),
        Submitter.ParentOrCarer => Get(language, "SubmitterParentOrCarer"),
        Submitter.SomeoneElse => Get(language, "SubmitterSomeoneElse"),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Label(Service value, FormLanguage language) => value switch
    {
        Service.BoneTumourSurgery => Get(language, "ServiceBoneTumourSurgery"),
        Service.ChildrensTumourSurgery => Get(language, "ServiceChildrensTumourSurgery"),
        Service.NotSure => Get(language, "ServiceNotSure"),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Label(CallLanguage value, FormLanguage language) => value switch
    {
        CallLanguage.English => Get(language, "CallLanguageEnglish"),
        CallLanguage.Bengali => Get(language, "CallLanguageBengali"),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    // ---- messages about the whole form, for the page ----

    /// <summary>Shown when the anti-forgery token has run out: nothing was stored.</summary>
    public static FieldError FormExpired(FormLanguage language) => new("form", FormFields.SubmittedBy, Get(language, "FormExpired"));

    /// <summary>Shown when the post was over the size limit: nothing of it was read.</summary>
    public static FieldError FormTooLong(FormLanguage language) => new("form", FormFields.Reason, Get(language, "FormTooLong"));

    /// <summary>For the confirmation page when the same person had already sent a request.</summary>
    public static string AlreadyHaveYourRequest(FormLanguage language) => Get(language, "AlreadyHaveYourRequest");

    // ---- field messages, used by the validator ----

    internal static string SelectSubmitter(FormLanguage l) => Get(l, "SelectSubmitter");

    internal static string EnterName(FormLanguage l) => Get(l, "EnterName");

    internal static string NameTooLong(FormLanguage l, int max) => Format(l, "NameTooLong", Number(l, max));

    internal static string EnterDateOfBirth(FormLanguage l) => Get(l, "EnterDateOfBirth");

    /// <summary>One or two of the date's parts are missing.</summary>
    internal static string DateOfBirthMissing(FormLanguage l, IReadOnlyList<DatePart> missing) =>
        Format(l, "DateOfBirthMissing", string.Join(Get(l, "DatePartsJoin"), missing.Select(part => Get(l, "Date" + part))));

    internal static string YearFourDigits(FormLanguage l) => Get(l, "YearFourDigits");

    internal static string RealDate(FormLanguage l) => Get(l, "RealDate");

    internal static string DateInPast(FormLanguage l) => Get(l, "DateInPast");

    internal static string DateAfter1900(FormLanguage l) => Get(l, "DateAfter1900");

    internal static string EnterPhone(FormLanguage l) => Get(l, "EnterPhone");

    internal static string PhoneFormat(FormLanguage l) => Get(l, "PhoneFormat");

    internal static string EmailFormat(FormLanguage l) => Get(l, "EmailFormat");

    internal static string SelectService(FormLanguage l) => Get(l, "SelectService");

    internal static string SelectCallLanguage(FormLanguage l) => Get(l, "SelectCallLanguage");

    internal static string ReasonTooLong(FormLanguage l, int max) => Format(l, "ReasonTooLong", Number(l, max));

    internal static string TickConsent(FormLanguage l) => Get(l, "TickConsent");

    /// <summary>The language named in English, for the coordinators: "English", "Bengali".</summary>
    internal static string LanguageNameInEnglish(FormLanguage language) => Get(language, "LanguageNameInEnglish");

    internal enum DatePart
    {
        Day,
        Month,
        Year,
    }

    /// <summary>Whether the form has wording of its own in <paramref name="culture"/> (English is the neutral wording).</summary>
    internal static bool HasWording(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" || Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) is not null;

    /// <summary>1000 → "1,000", or "১,০০০" in Bengali: grouped as English groups it, in the language's own digits.</summary>
    internal static string Number(FormLanguage language, int value)
    {
        var latin = value.ToString("N0", CultureInfo.InvariantCulture);
        var digits = language.Culture.NumberFormat.NativeDigits;
        if (digits.Length != 10 || digits[0] == "0") return latin;
        return string.Concat(latin.Select(c => char.IsAsciiDigit(c) ? digits[c - '0'] : c.ToString()));
    }

    private static string Get(FormLanguage language, string key) =>
        Resources.GetString(key, language.Culture) ?? throw new MissingManifestResourceException($"FormText has no '{key}'.");

    private static string Format(FormLanguage language, string key, string value) =>
        string.Format(CultureInfo.InvariantCulture, Get(language, key), value);
}

using System.Globalization;

namespace BoneTumorInfo.Appointments.Requests;

/// <summary>
/// Everything the form says to a person, in English and Bengali: the error messages (one set of
/// rules, two languages) and the words for the choices. The English wording follows the GOV.UK
/// pattern (say what to do); the Bengali is written for Bengali readers in the same spirit, not
/// translated word for word, and names each field as the Bengali form does.
/// </summary>
public static class FormText
{
    // ---- labels for the values a request holds ----

    public static string Label(Submitter value, FormLanguage language) => value switch
    {
        Submitter.Patient => In(language, "I am the patient", "আমি নিজেই রোগী"),
        Submitter.ParentOrCarer => In(language, "I am the patient's parent or carer", "আমি রোগীর মা-বাবা বা দেখাশোনাকারী"),
        Submitter.SomeoneElse => In(language, "Someone else, for example a doctor or a relative", "অন্য কেউ, যেমন ডাক্তার বা আত্মীয়"),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Label(Service value, FormLanguage language) => value switch
    {
        Service.BoneTumourSurgery => In(language, "Bone tumour surgery", "হাড়ের টিউমারের অপারেশন"),
        Service.ChildrensTumourSurgery => In(language, "Children's tumour surgery", "শিশুদের টিউমারের অপারেশন"),
        Service.NotSure => In(language, "I'm not sure", "আমি নিশ্চিত নই"),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static string Label(CallLanguage value, FormLanguage language) => value switch
    {
        CallLanguage.English => In(language, "English", "ইংরেজি"),
        CallLanguage.Bengali => In(language, "Bengali (বাংলা)", "বাংলা"),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    // ---- messages about the whole form, for the page ----

    /// <summary>Shown when the anti-forgery token has run out: nothing was stored.</summary>
    public static FieldError FormExpired(FormLanguage language) => new("form", FormFields.SubmittedBy, In(language,
        "This form has expired. Check your answers and send the form again",
        "ফর্মটির মেয়াদ শেষ হয়ে গেছে। আপনার উত্তরগুলো দেখে নিয়ে ফর্মটি আবার পাঠান"));

    /// <summary>Shown when the post was over the size limit: nothing of it was read.</summary>
    public static FieldError FormTooLong(FormLanguage language) => new("form", FormFields.Reason, In(language,
        "The form you sent was too long. Fill it in again, with a shorter reason",
        "আপনার পাঠানো ফর্মটি অনেক বড় ছিল। কারণটি ছোট করে লিখে ফর্মটি আবার পূরণ করুন"));

    /// <summary>For the confirmation page when the same person had already sent a request.</summary>
    public static string AlreadyHaveYourRequest(FormLanguage language) => In(language,
        "We already have your request. You do not need to send it again. Your reference number is the same as before.",
        "আপনার অনুরোধ আমরা আগেই পেয়েছি। আবার পাঠানোর দরকার নেই। আপনার রেফারেন্স নম্বর আগের মতোই আছে।");

    // ---- field messages, used by the validator ----

    internal static string SelectSubmitter(FormLanguage l) => In(l,
        "Select who is filling in this form", "কে এই ফর্মটি পূরণ করছেন, তা বেছে নিন");

    internal static string EnterName(FormLanguage l) => In(l,
        "Enter the patient's full name", "রোগীর পুরো নাম লিখুন");

    internal static string NameTooLong(FormLanguage l, int max) => In(l,
        $"Full name must be {max} characters or fewer", $"রোগীর পুরো নাম {BengaliNumber(max)} অক্ষরের মধ্যে লিখুন");

    internal static string EnterDateOfBirth(FormLanguage l) => In(l,
        "Enter the patient's date of birth", "রোগীর জন্মতারিখ লিখুন");

    /// <summary>One or two of the date's parts are missing.</summary>
    internal static string DateOfBirthMissing(FormLanguage l, IReadOnlyList<DatePart> missing) => In(l,
        $"Date of birth must include a {string.Join(" and a ", missing.Select(p => p.ToString().ToLowerInvariant()))}",
        $"জন্মতারিখে {string.Join(" ও ", missing.Select(BengaliPart))} লিখুন");

    internal static string YearFourDigits(FormLanguage l) => In(l,
        "Year must include 4 numbers", "জন্মের বছর ৪ অঙ্কে লিখুন, যেমন ২০১২");

    internal static string RealDate(FormLanguage l) => In(l,
        "Date of birth must be a real date", "সঠিক জন্মতারিখ লিখুন");

    internal static string DateInPast(FormLanguage l) => In(l,
        "Date of birth must be in the past", "জন্মতারিখ আজকের বা তার আগের কোনো দিন হতে হবে");

    internal static string DateAfter1900(FormLanguage l) => In(l,
        "Date of birth must be after 1 January 1900", "জন্মতারিখ ১ জানুয়ারি ১৯০০-এর পরের হতে হবে");

    internal static string EnterPhone(FormLanguage l) => In(l,
        "Enter a phone number", "ফোন নম্বর লিখুন");

    internal static string PhoneFormat(FormLanguage l) => In(l,
        "Enter a phone number in the correct format, like 01712 345678 or +880 1712 345678",
        "সঠিকভাবে ফোন নম্বর লিখুন, যেমন ০১৭১২ ৩৪৫৬৭৮ বা +880 1712 345678");

    internal static string EmailFormat(FormLanguage l) => In(l,
        "Enter an email address in the correct format, like name@example.com",
        "সঠিকভাবে ইমেইল ঠিকানা লিখুন, যেমন name@example.com");

    internal static string SelectService(FormLanguage l) => In(l,
        "Select which service the appointment is for", "কোন সেবার জন্য অ্যাপয়েন্টমেন্ট চান, তা বেছে নিন");

    internal static string SelectCallLanguage(FormLanguage l) => In(l,
        "Select the language you would like us to call you in", "ফোনে আমরা কোন ভাষায় কথা বলব, তা বেছে নিন");

    internal static string ReasonTooLong(FormLanguage l, int max) => In(l,
        $"Reason must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer",
        $"কারণটি {BengaliNumber(max)} অক্ষরের মধ্যে লিখুন");

    internal static string TickConsent(FormLanguage l) => In(l,
        "Tick the box to agree to us using these details to contact you",
        "আপনার সঙ্গে যোগাযোগের জন্য এই তথ্য ব্যবহারে সম্মতি দিতে বাক্সে টিক দিন");

    internal enum DatePart
    {
        Day,
        Month,
        Year,
    }

    private static string BengaliPart(DatePart part) => part switch
    {
        DatePart.Day => "দিন",
        DatePart.Month => "মাস",
        _ => "বছর",
    };

    /// <summary>1000 → ১,০০০: Bengali digits, grouped as the English text groups them.</summary>
    internal static string BengaliNumber(int value)
    {
        var latin = value.ToString("N0", CultureInfo.InvariantCulture);
        return string.Create(latin.Length, latin, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++) span[i] = char.IsAsciiDigit(text[i]) ? (char)('০' + (text[i] - '0')) : text[i];
        });
    }

    private static string In(FormLanguage language, string english, string bengali) =>
        language == FormLanguage.Bengali ? bengali : english;
}

using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Text.RegularExpressions;
using BoneTumorInfo.Appointments.Requests;

namespace BoneTumorInfo.Appointments.Tests;

/// <summary>The form in Bengali: one set of rules, messages in the reader's language, and dates and numbers as Bengali readers type them.</summary>
public sealed partial class BengaliFormTests
{
    private static readonly AppointmentFormValidator Validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero)));

    private static AppointmentForm Valid() => new()
    {
        SubmittedBy = "parent-or-carer", PatientName = "আয়েশা সিদ্দিকা", DobDay = "২৯", DobMonth = "ফেব্রুয়ারি", DobYear = "২০১২",
        Phone = "০১৮১২ ৩৪৫৬৭৮", Service = "childrens-tumour-surgery", CallLanguage = "bengali", Consent = "yes",
    };

    [GeneratedRegex(@"\p{IsBengali}")]
    private static partial Regex BengaliLetter();

    /// <summary>Latin words other than the examples of what to type (name@example.com, +880 1712 345678).</summary>
    [GeneratedRegex(@"(?<![@.])\b(?!name\b|example\b|com\b)[A-Za-z]{2,}")]
    private static partial Regex EnglishWord();

    [Fact]
    public void A_Bengali_form_becomes_a_request_that_records_it_was_filled_in_Bengali()
    {
        var result = Validator.Validate(Valid(), FormLanguage.FromCode("bn"));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(new DateOnly(2012, 2, 29), result.Request!.DateOfBirth);
        Assert.Equal("+8801812345678", result.Request.Phone);
        Assert.Equal(FormLanguage.FromCode("bn"), result.Request.FormLanguage);
        Assert.Equal(FormLanguage.English, Validator.Validate(Valid()).Request!.FormLanguage);
    }

    [Fact]
    public void An_empty_Bengali_form_says_what_to_do_in_Bengali_for_every_field()
    {
        var english = Validator.Validate(new AppointmentForm(), FormLanguage.English).Errors;
        var bengali = Validator.Validate(new AppointmentForm(), FormLanguage.FromCode("bn")).Errors;
        Assert.Equal(english.Select(e => (e.Field, e.TargetId)), bengali.Select(e => (e.Field, e.TargetId)));
        Assert.Equal(7, bengali.Count);
        Assert.All(bengali, e =>
        {
            Assert.Matches(BengaliLetter(), e.Message);
            Assert.DoesNotMatch(EnglishWord(), e.Message);
        });
        Assert.Equal("রোগীর পুরো নাম লিখুন", bengali.Single(e => e.Field == FormFields.PatientName).Message);
        Assert.Equal("রোগীর জন্মতারিখ লিখুন", bengali.Single(e => e.Field == FormFields.DateOfBirth).Message);
        Assert.Equal("ফোন নম্বর লিখুন", bengali.Single(e => e.Field == FormFields.Phone).Message);
        // The English wording is unchanged.
        Assert.Equal("Enter the patient's full name", english.Single(e => e.Field == FormFields.PatientName).Message);
        Assert.Equal(english.Select(e => e.Message), Validator.Validate(new AppointmentForm()).Errors.Select(e => e.Message));
    }

    public static TheoryData<string, string?, string?, string?, string, string> EveryOtherProblem => new()
    {
        // field, day, month, year, English, Bengali
        { FormFields.DateOfBirth, "5", null, "1975", "Date of birth must include a month", "জন্মতারিখে মাস লিখুন" },
        { FormFields.DateOfBirth, null, null, "1975", "Date of birth must include a day and a month", "জন্মতারিখে দিন ও মাস লিখুন" },
        { FormFields.DateOfBirth, "5", "9", "75", "Year must include 4 numbers", "জন্মের বছর ৪ অঙ্কে লিখুন, যেমন ২০১২" },
        { FormFields.DateOfBirth, "30", "2", "2012", "Date of birth must be a real date", "সঠিক জন্মতারিখ লিখুন" },
        { FormFields.DateOfBirth, "1", "1", "2027", "Date of birth must be in the past", "জন্মতারিখ আজকের বা তার আগের কোনো দিন হতে হবে" },
        { FormFields.DateOfBirth, "1", "1", "1899", "Date of birth must be after 1 January 1900", "জন্মতারিখ ১ জানুয়ারি ১৯০০-এর পরের হতে হবে" },
    };

    [Theory]
    [MemberData(nameof(EveryOtherProblem))]
    public void Date_messages_come_in_both_languages(string field, string? day, string? month, string? year, string english, string bengali)
    {
        var form = Valid();
        (form.DobDay, form.DobMonth, form.DobYear) = (day, month, year);
        Assert.Equal(english, Validator.Validate(form, FormLanguage.English).ErrorFor(field)?.Message);
        Assert.Equal(bengali, Validator.Validate(form, FormLanguage.FromCode("bn")).ErrorFor(field)?.Message);
    }

    [Fact]
    public void Length_limits_are_written_in_Bengali_digits()
    {
        var form = Valid();
        form.PatientName = new string('ক', AppointmentFormValidator.MaxNameLength + 1);
        form.Reason = new string('ক', AppointmentFormValidator.MaxReasonLength + 1);
        form.Phone = "১২৩";
        form.Email = "নাম";
        var result = Validator.Validate(form, FormLanguage.FromCode("bn"));
        Assert.Equal("রোগীর পুরো নাম ৩০০ অক্ষরের মধ্যে লিখুন", result.ErrorFor(FormFields.PatientName)?.Message);
        Assert.Equal("কারণটি ১,০০০ অক্ষরের মধ্যে লিখুন", result.ErrorFor(FormFields.Reason)?.Message);
        Assert.Equal("সঠিকভাবে ফোন নম্বর লিখুন, যেমন ০১৭১২ ৩৪৫৬৭৮ বা +880 1712 345678", result.ErrorFor(FormFields.Phone)?.Message);
        Assert.Equal("সঠিকভাবে ইমেইল ঠিকানা লিখুন, যেমন name@example.com", result.ErrorFor(FormFields.Email)?.Message);
    }

    [Theory]
    [InlineData("০৫", "০৯", "১৯৭৫")]
    [InlineData("৫", "9", "19৭5")]
    [InlineData("5", "৯", "1975")]
    [InlineData(" ০5 ", "Sep", "১975")]
    public void Day_month_and_year_take_Bengali_and_Latin_digits_even_mixed(string day, string month, string year)
    {
        var form = Valid();
        (form.DobDay, form.DobMonth, form.DobYear) = (day, month, year);
        Assert.Equal(new DateOnly(1975, 9, 5), Validator.Validate(form, FormLanguage.FromCode("bn")).Request?.DateOfBirth);
    }

    [Theory]
    [InlineData("জানুয়ারি", 1)]
    [InlineData("জানুয়ারী", 1)]
    [InlineData("ফেব্রুয়ারি", 2)]
    [InlineData("ফেব্রুয়ারী", 2)]
    [InlineData("মার্চ", 3)]
    [InlineData("এপ্রিল", 4)]
    [InlineData("মে", 5)]
    [InlineData("জুন", 6)]
    [InlineData("জুলাই", 7)]
    [InlineData("আগস্ট", 8)]
    [InlineData("আগষ্ট", 8)]
    [InlineData("সেপ্টেম্বর", 9)]
    [InlineData("সেপ্টেম্বার", 9)]
    [InlineData("অক্টোবর", 10)]
    [InlineData("অক্টোবার", 10)]
    [InlineData("নভেম্বর", 11)]
    [InlineData("নভেম্বার", 11)]
    [InlineData("ডিসেম্বর", 12)]
    [InlineData("ডিসেম্বার", 12)]
    [InlineData(" ডিসেম্বর ", 12)]
    // য় typed as one letter (U+09DF) rather than য plus nukta (U+09AF U+09BC) as above.
    [InlineData("জানু\u09DFারি", 1)]
    [InlineData("ফেব্রু\u09DFারী", 2)]
    [InlineData("জানু\u09DFারী", 1)]
    // Zero-width joiners and non-joiners some keyboards put inside conjuncts.
    [InlineData("সেপ্\u200Dটেম্বর", 9)]
    [InlineData("অক্\u200Cটোবর", 10)]
    [InlineData("মার্\u200Dচ", 3)]
    public void Bengali_month_names_are_read_in_their_usual_spellings(string text, int month) =>
        Assert.Equal(month, AppointmentFormValidator.ParseMonth(text));

    [Theory]
    [InlineData("SEPT", 9)]
    [InlineData("Sep", 9)]
    [InlineData("september", 9)]
    [InlineData("Oct", 10)]
    [InlineData("dec.", 12)]
    [InlineData("MAY", 5)]
    [InlineData("১২", 12)]
    [InlineData("1২", 12)]
    public void English_month_names_and_abbreviations_are_read_in_any_case(string text, int month) =>
        Assert.Equal(month, AppointmentFormValidator.ParseMonth(text));

    [Theory]
    [InlineData("ma")]
    [InlineData("বৈশাখ")] // a Bengali-calendar month: not a Gregorian one, so not guessed
    [InlineData("জানু")]
    [InlineData("13")]
    public void Anything_else_is_not_a_month(string text)
    {
        var month = AppointmentFormValidator.ParseMonth(text);
        Assert.True(month is null or < 1 or > 12);
    }

    [Fact]
    public void A_month_name_in_either_language_works_in_either_form()
    {
        var form = Valid();
        form.DobMonth = "সেপ্টেম্বর";
        Assert.Equal(9, Validator.Validate(form, FormLanguage.English).Request?.DateOfBirth.Month);
        form.DobMonth = "Sept";
        Assert.Equal(9, Validator.Validate(form, FormLanguage.FromCode("bn")).Request?.DateOfBirth.Month);
    }

    [Theory]
    [InlineData("০১৮১২৩৪৫৬৭৮")]
    [InlineData("+৮৮০ ১৮১২ ৩৪৫৬৭৮")]
    [InlineData("০১৮১২-345678")]
    public void Phone_numbers_in_Bengali_digits_are_accepted(string typed)
    {
        var form = Valid();
        form.Phone = typed;
        Assert.Equal("+8801812345678", Validator.Validate(form, FormLanguage.FromCode("bn")).Request?.Phone);
    }

    [Fact]
    public void Every_choice_has_a_label_in_both_languages()
    {
        foreach (var language in new[] { FormLanguage.English, FormLanguage.FromCode("bn") })
        {
            var labels = Enum.GetValues<Submitter>().Select(v => FormText.Label(v, language))
                .Concat(Enum.GetValues<Service>().Select(v => FormText.Label(v, language)))
                .Concat(Enum.GetValues<CallLanguage>().Select(v => FormText.Label(v, language)))
                .ToList();
            Assert.Equal(labels.Count, labels.Distinct().Count());
            if (language == FormLanguage.FromCode("bn")) Assert.All(labels, l => Assert.DoesNotMatch("[A-Za-z]", l));
            else Assert.All(labels, l => Assert.Matches("^[A-Z]", l));
        }

        Assert.Equal("I'm not sure", FormText.Label(Service.NotSure, FormLanguage.English));
        Assert.Equal("আমি নিশ্চিত নই", FormText.Label(Service.NotSure, FormLanguage.FromCode("bn")));
        Assert.Equal("বাংলা", FormText.Label(CallLanguage.Bengali, FormLanguage.FromCode("bn")));
    }

    [Theory]
    [InlineData("bn", "bn")]
    [InlineData("BN-bd", "bn")]
    [InlineData("bn-IN", "bn")]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    [InlineData("bnx", "en")]
    [InlineData("fr", "en")]
    [InlineData("../x", "en")]
    public void The_site_language_code_picks_the_form_language_it_has_wording_for(string? code, string formLanguage)
    {
        Assert.Equal(formLanguage, FormLanguage.FromCode(code).Code);
    }

    [Fact]
    public void English_is_the_default_form_language_and_names_itself_for_the_staff()
    {
        Assert.Equal(FormLanguage.English, default);
        Assert.Equal(FormLanguage.English, FormLanguage.FromCode("en"));
        Assert.Equal("English", FormLanguage.English.EnglishName);
        Assert.Equal("Bengali", FormLanguage.FromCode("bn").EnglishName);
    }

    [Fact]
    public void The_Bengali_form_wording_has_every_message_the_English_has_and_no_other()
    {
        var resources = new System.Resources.ResourceManager("BoneTumorInfo.Appointments.Requests.FormText", typeof(FormText).Assembly);
        SortedSet<string> Keys(CultureInfo culture) => new(
            resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key),
            StringComparer.Ordinal);

        Assert.Equal(Keys(CultureInfo.InvariantCulture), Keys(CultureInfo.GetCultureInfo("bn")));
    }

    [Fact]
    public void The_form_language_travels_in_the_request_json_as_a_code()
    {
        var request = Validator.Validate(Valid(), FormLanguage.FromCode("bn")).Request! with { Reference = "BT-4K7Q-9M3X" };
        var json = AppointmentJson.Serialize(request);
        Assert.Contains("\"formLanguage\":\"bn\"", json, StringComparison.Ordinal);
        Assert.Equal(FormLanguage.FromCode("bn"), AppointmentJson.Deserialize(json).FormLanguage);
        // A request stored before the language was recorded reads as English.
        Assert.Equal(FormLanguage.English, AppointmentJson.Deserialize(json.Replace(",\"formLanguage\":\"bn\"", "", StringComparison.Ordinal)).FormLanguage);
    }
}

using Microsoft.Extensions.Time.Testing;
using BoneTumorInfo.Appointments.Requests;

namespace BoneTumorInfo.Appointments.Tests;

public sealed class ValidatorTests
{
    private static readonly AppointmentFormValidator Validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero)));

    private static AppointmentForm Valid() => new()
    {
        SubmittedBy = "patient", PatientName = "  Md. Rafiqul Islam  ", DobDay = "5", DobMonth = "Sept", DobYear = "1975",
        Phone = "+44 20 7183 8750", Service = "bone-tumour-surgery", CallLanguage = "english", Consent = "yes",
    };

    [Fact]
    public void A_complete_form_becomes_a_tidy_request()
    {
        var result = Validator.Validate(Valid());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var request = result.Request!;
        Assert.Equal("Md. Rafiqul Islam", request.PatientName);
        Assert.Equal(new DateOnly(1975, 9, 5), request.DateOfBirth);
        Assert.Equal("+442071838750", request.Phone);
        Assert.Null(request.Email);
        Assert.Null(request.Reason);
    }

    [Theory]
    [InlineData("jan", 1)]
    [InlineData("January", 1)]
    [InlineData("FEB", 2)]
    [InlineData("sept.", 9)]
    [InlineData("12", 12)]
    [InlineData("০৩", 3)]
    public void Months_can_be_numbers_or_names(string text, int month) => Assert.Equal(month, AppointmentFormValidator.ParseMonth(text));

    [Theory]
    [InlineData("01712345678", "+8801712345678")]
    [InlineData("01712-345678", "+8801712345678")]
    [InlineData("+880 1712 345678", "+8801712345678")]
    [InlineData("০১৭১২৩৪৫৬৭৮", "+8801712345678")]
    [InlineData("+1 650-253-0000", "+16502530000")]
    public void Phone_numbers_are_read_as_people_type_them(string typed, string e164)
    {
        var form = Valid();
        form.Phone = typed;
        Assert.Equal(e164, Validator.Validate(form).Request?.Phone);
    }

    [Theory]
    [InlineData("01712345678 ext 12", "+8801712345678", "12")]
    [InlineData("01712345678 ext. 12", "+8801712345678", "12")]
    [InlineData("01712-345678 x 305", "+8801712345678", "305")]
    [InlineData("+44 20 7183 8750 extension 4021", "+442071838750", "4021")]
    [InlineData("০১৭১২৩৪৫৬৭৮ ext ১২", "+8801712345678", "12")]
    [InlineData("01712345678", "+8801712345678", null)]
    public void A_phone_extension_is_kept_for_the_person_who_calls_back(string typed, string e164, string? extension)
    {
        var form = Valid();
        form.Phone = typed;
        var request = Validator.Validate(form).Request;
        Assert.Equal(e164, request?.Phone);
        Assert.Equal(extension, request?.PhoneExtension);
    }

    [Fact]
    public void Today_in_Bangladesh_is_not_in_the_future()
    {
        // 20:00 UTC on 10 March is 02:00 on 11 March in Dhaka.
        var form = Valid();
        (form.DobDay, form.DobMonth, form.DobYear) = ("11", "3", "2026");
        Assert.True(Validator.Validate(form).IsValid);
        form.DobDay = "12";
        Assert.Equal("Date of birth must be in the past", Validator.Validate(form).ErrorFor(FormFields.DateOfBirth)?.Message);
    }

    [Fact]
    public void A_reason_counts_line_breaks_as_one_character()
    {
        var form = Valid();
        form.Reason = string.Join("\r\n", Enumerable.Repeat("abcd", 200)) + "x"; // 1,000 characters once CR LF is one
        Assert.True(Validator.Validate(form).IsValid);
        form.Reason += "y";
        Assert.Equal("Reason must be 1,000 characters or fewer", Validator.Validate(form).ErrorFor(FormFields.Reason)?.Message);
    }
}

namespace BoneTumorInfo.Content.Tests.Service;

public class PhoneFormattingTests
{
    [Fact]
    public void A_landline_shows_in_national_format_and_dials_in_E164()
    {
        var phone = ServiceFixtures.Valid().Appointments;

        Assert.Equal("02-55667788", phone.Display("en"));
        Assert.Equal("tel:+880255667788", phone.Href);
    }

    [Fact]
    public void A_mobile_shows_in_national_format_and_dials_in_E164()
    {
        var phone = ServiceFixtures.Valid().Ward;

        Assert.Equal("01700-000000", phone.Display("en"));
        Assert.Equal("tel:+8801700000000", phone.Href);
    }

    [Fact]
    public void Bengali_pages_show_Bengali_digits_but_dial_the_same_number()
    {
        var profile = ServiceFixtures.Valid();

        Assert.Equal("০২-৫৫৬৬৭৭৮৮", profile.Appointments.Display("bn"));
        Assert.Equal("০১৭০০-০০০০০০", profile.Ward.Display("bn"));
        Assert.Equal("tel:+8801700000000", profile.Ward.Href);
    }

    [Fact]
    public void The_emergency_number_dials_999_itself()
    {
        var phone = ServiceFixtures.Valid().Emergency;

        Assert.Equal("999", phone.Display("en"));
        Assert.Equal("৯৯৯", phone.Display("bn"));
        Assert.Equal("tel:999", phone.Href);
    }

    [Theory]
    [InlineData("02 5566 7788")]
    [InlineData("+880 2-5566-7788")]
    [InlineData("+88 02 55667788")]
    public void A_number_written_another_way_is_shown_the_one_national_way(string written)
    {
        var text = ServiceFixtures.Text("valid.yml").Replace("+880 2 5566 7788", written, StringComparison.Ordinal);

        var (profile, problems) = ServiceFixtures.ReadText(text);

        Assert.Empty(problems);
        Assert.Equal("02-55667788", profile!.Appointments.Display("en"));
    }
}

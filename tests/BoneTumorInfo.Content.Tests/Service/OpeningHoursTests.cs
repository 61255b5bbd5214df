using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Content.Tests.Service;

public class OpeningHoursTests
{
    private static OpeningHours Parse(string text)
    {
        Assert.True(OpeningHours.TryParse(text, out var hours, out var problem), problem);
        return hours;
    }

    private static string Problem(string text)
    {
        Assert.False(OpeningHours.TryParse(text, out _, out var problem));
        return problem;
    }

    [Theory]
    [InlineData("24 hours", "24 hours a day, every day")]
    [InlineData("Sun-Thu 09:00-17:00", "Sunday to Thursday, 9am to 5pm")]
    [InlineData("Sun-Thu 09:00-17:00; Sat 09:00-13:00", "Sunday to Thursday, 9am to 5pm; Saturday, 9am to 1pm")]
    [InlineData("Sun, Tue 08:30-12:00", "Sunday, Tuesday, 8:30am to noon")]
    [InlineData("Daily 08:00-20:00", "every day, 8am to 8pm")]
    [InlineData("saturday 14:15-24:00", "Saturday, 2:15pm to midnight")]
    public void Hours_read_as_plain_English(string written, string english)
    {
        Assert.Equal(english, Parse(written).Describe("en"));
    }

    [Theory]
    [InlineData("24 hours", "প্রতিদিন, দিনরাত ২৪ ঘণ্টা")]
    [InlineData("Sun-Thu 09:00-17:00; Sat 09:00-13:00", "রবিবার থেকে বৃহস্পতিবার, সকাল ৯টা থেকে বিকেল ৫টা; শনিবার, সকাল ৯টা থেকে দুপুর ১টা")]
    [InlineData("Mon 18:30-21:00", "সোমবার, সন্ধ্যা ৬টা ৩০ মিনিট থেকে রাত ৯টা")]
    public void Hours_read_as_plain_Bengali_with_Bengali_digits(string written, string bengali)
    {
        Assert.Equal(bengali, Parse(written).Describe("bn"));
    }

    [Fact]
    public void A_range_runs_forward_through_the_week()
    {
        var hours = Parse("Thu-Sat 10:00-12:00");

        Assert.Equal([DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday], hours.Periods[0].EachDay);
    }

    [Fact]
    public void The_line_is_open_only_on_its_days_and_hours()
    {
        var hours = Parse("Sun-Thu 09:00-17:00; Sat 09:00-13:00");

        Assert.True(hours.IsOpenAt(new DateTime(2026, 11, 22, 9, 0, 0)));   // Sunday
        Assert.False(hours.IsOpenAt(new DateTime(2026, 11, 22, 17, 0, 0)));  // Sunday, closing time
        Assert.False(hours.IsOpenAt(new DateTime(2026, 11, 27, 10, 0, 0)));  // Friday
        Assert.True(hours.IsOpenAt(new DateTime(2026, 11, 28, 12, 59, 0)));  // Saturday
    }

    [Theory]
    [InlineData("", "the hours are empty")]
    [InlineData("weekdays", "'weekdays' is not days and times")]
    [InlineData("Sun-Thu 9am-5pm", "'9am' is not a time")]
    [InlineData("Sun-Thu 09:00-25:00", "'25:00' is not a time")]
    [InlineData("Sun-Thu 17:00-09:00", "closes (09:00) before it opens (17:00)")]
    [InlineData("Sun-Thu 09:00-17:00; Thu 09:00-13:00", "Thursday is given hours twice")]
    [InlineData("Sun-Thr 09:00-17:00", "'Thr' is not a day")]
    [InlineData("Daily-Sun 09:00-17:00", "'Daily' already means every day")]
    public void Hours_that_cannot_be_read_say_why(string written, string problem)
    {
        Assert.Contains(problem, Problem(written), StringComparison.Ordinal);
    }
}

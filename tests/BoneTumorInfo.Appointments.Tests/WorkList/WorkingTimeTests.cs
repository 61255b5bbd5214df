using BoneTumorInfo.Appointments.WorkList;

namespace BoneTumorInfo.Appointments.Tests.WorkList;

public sealed class WorkingTimeTests
{
    private static readonly TimeZoneInfo Dhaka = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");
    private static readonly WorkingTime Bangladesh = new(Dhaka, WorkingTime.BangladeshWorkingDays);

    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(6));

    [Fact]
    public void A_weekday_counts_in_full()
    {
        // Sunday 1 March 2026, 09:00 to Monday 09:00.
        Assert.Equal(TimeSpan.FromHours(24), Bangladesh.Between(Local(3, 1, 9), Local(3, 2, 9)));
    }

    [Fact]
    public void Friday_and_Saturday_do_not_count()
    {
        // Thursday 5 March 12:00 to Sunday 8 March 12:00: 12 hours of Thursday and 12 of Sunday.
        Assert.Equal(TimeSpan.FromHours(24), Bangladesh.Between(Local(3, 5, 12), Local(3, 8, 12)));
        Assert.Equal(TimeSpan.Zero, Bangladesh.Between(Local(3, 6, 1), Local(3, 7, 23)));
    }

    [Fact]
    public void Days_are_the_services_days_not_UTCs()
    {
        // Thursday 23:00 in Dhaka is 17:00 UTC on Thursday; the hour up to midnight counts, Friday does not.
        Assert.Equal(TimeSpan.FromHours(1), Bangladesh.Between(Local(3, 5, 23), Local(3, 6, 10)));
    }

    [Fact]
    public void Time_running_backwards_is_no_time()
    {
        Assert.Equal(TimeSpan.Zero, Bangladesh.Between(Local(3, 2, 9), Local(3, 1, 9)));
    }
}

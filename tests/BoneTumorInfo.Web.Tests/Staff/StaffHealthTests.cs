using System.Text.Json;
using BoneTumorInfo.Appointments.WorkList;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class StaffHealthTests
{
    // Sunday 1 March 2026, 10:00 in Dhaka.
    private static readonly DateTimeOffset SundayMorning = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(6));

    private static async Task<(string Status, string WorkList)> Ready(StaffSite site)
    {
        using var client = site.CreatePlainClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        var check = json.RootElement.GetProperty("checks").GetProperty("staff-work-list");
        return (json.RootElement.GetProperty("status").GetString()!, check.GetProperty("status").GetString()!);
    }

    [Fact]
    public async Task Ready_turns_degraded_once_the_oldest_new_request_has_waited_two_working_days()
    {
        var clock = new FakeTimeProvider(SundayMorning);
        using var site = new StaffSite(services: s => s.AddSingleton<TimeProvider>(clock));
        Assert.Equal(("Healthy", "Healthy"), await Ready(site));
        await site.WorkList.AddAsync(WorkListPagesTests.Request("BT-AAAA-FFFF", clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal("Healthy", (await Ready(site)).WorkList);
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(("Degraded", "Degraded"), await Ready(site));

        // Called: nothing new is waiting any more.
        await site.WorkList.RecordOutcomeAsync("BT-AAAA-FFFF", new StaffMember("x", "Someone"), WorkStatus.Booked, null);
        Assert.Equal("Healthy", (await Ready(site)).WorkList);
    }

    [Fact]
    public async Task The_weekend_does_not_count_towards_the_wait()
    {
        // Thursday 5 March 10:00 to Sunday 8 March 20:00: 14 h of Thursday and 20 h of Sunday.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(6)));
        using var site = new StaffSite(new() { ["Staff:MaxWaitingHours"] = "36" }, s => s.AddSingleton<TimeProvider>(clock));
        await site.WorkList.AddAsync(WorkListPagesTests.Request("BT-AAAA-GGGG", clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromHours(82));
        Assert.Equal("Healthy", (await Ready(site)).WorkList);
        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal("Degraded", (await Ready(site)).WorkList);
    }
}

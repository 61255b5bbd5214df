using System.Text.Json;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Cli.Tests.Appointments;
using BoneTumorInfo.Web.Tests.Appointments;
using RabbitMQ.Client;

namespace BoneTumorInfo.Web.Tests.Staff;

/// <summary>
/// Several web servers with RabbitMQ: each relays its form's requests to the queue, and the one
/// staff-area instance set to <c>Staff:ConsumeQueue</c> takes them into its work list, once each.
/// </summary>
[Collection(BrokerTestGroup.Name)]
public sealed class BrokerIntakeTests(LocalBroker broker)
{
    private static readonly string[] EveryDay = Enum.GetNames<DayOfWeek>();

    private Dictionary<string, string?> Settings(string queue, bool? consume)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Appointments:RabbitMq:Uri"] = broker.Uri,
            ["Appointments:RabbitMq:QueueName"] = queue,
            // About a second and a half, every day counting, so the health check can be seen to turn.
            ["Staff:MaxWaitingHours"] = "0.0004",
        };
        for (var i = 0; i < EveryDay.Length; i++) settings[$"Staff:WorkingDays:{i}"] = EveryDay[i];
        if (consume is not null) settings["Staff:ConsumeQueue"] = consume.Value ? "true" : "false";
        return settings;
    }

    private static async Task<string> ReadyCheck(StaffSite site)
    {
        using var client = site.CreatePlainClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        return json.RootElement.GetProperty("checks").GetProperty("staff-work-list").GetProperty("status").GetString()!;
    }

    [BrokerFact]
    public async Task Only_the_consuming_instance_takes_requests_from_the_broker_and_each_reference_once()
    {
        var queue = "staff-test-" + Guid.NewGuid().ToString("N");
        using var web = new StaffSite(Settings(queue, consume: null));
        using var staff = new StaffSite(Settings(queue, consume: true));
        _ = staff.Services;

        using var form = web.CreateFormClient();
        var reference = await AppointmentForm.ReferenceFrom(form, await AppointmentForm.Submit(form, AppointmentForm.ValidAnswers()));
        var items = await Poll.Until(() => staff.WorkList.ListAsync(new WorkListQuery(WorkView.All)), i => i.Count == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(reference, Assert.Single(items).Reference);
        Assert.StartsWith("Nusrat Jahan Chowdhury", items[0].Request.PatientName, StringComparison.Ordinal);

        // The broker delivers the same request again (a resend after a lost confirm): acknowledged, not taken twice.
        var factory = new ConnectionFactory { Uri = new Uri(broker.Uri) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { MessageId = reference, Persistent = true },
                AppointmentJson.SerializeToUtf8(items[0].Request));
            await Poll.UntilTrue(async () => await channel.MessageCountAsync(queue) == 0, TimeSpan.FromSeconds(30), "the duplicate was not taken");
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await staff.WorkList.ListAsync(new WorkListQuery(WorkView.All)));
        Assert.Single(await staff.WorkList.AuditTrailAsync(reference), e => e.Action == AuditActions.Received);
        // The web server that only relays keeps no work list of its own.
        Assert.Empty(await web.WorkList.ListAsync(new WorkListQuery(WorkView.All)));

        // The waiting-time check reads the consumer's work list: degraded there once the request is old.
        await Poll.Until(() => ReadyCheck(staff), status => status == "Degraded", TimeSpan.FromSeconds(10));
        Assert.Equal("Degraded", await ReadyCheck(staff));
        Assert.Equal("Healthy", await ReadyCheck(web));
    }
}

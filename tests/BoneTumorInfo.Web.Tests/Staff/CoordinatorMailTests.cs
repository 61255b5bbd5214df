using BoneTumorInfo.Web.Tests.Appointments;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class CoordinatorMailTests
{
    private static Dictionary<string, string?> Mail(TestSmtpServer smtp, double minimumMinutes) => new()
    {
        ["Staff:Smtp:Host"] = "127.0.0.1",
        ["Staff:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Staff:Smtp:UseTls"] = "false",
        ["Staff:Smtp:From"] = "site@example.org",
        ["Staff:Smtp:To:0"] = "coordinators@example.org",
        ["Staff:Smtp:To:1"] = "lead@example.org",
        ["Staff:Smtp:MinimumMinutes"] = minimumMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<string> Send(StaffSite site, string name)
    {
        using var client = site.CreateFormClient();
        var answers = AppointmentForm.ValidAnswers();
        answers["PatientName"] = name;
        answers["Phone"] = "01812-555" + name.Length.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
        return await AppointmentForm.ReferenceFrom(client, await AppointmentForm.Submit(client, answers));
    }

    [Fact]
    public async Task Coordinators_get_one_mail_per_batch_with_counts_and_references_only()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new StaffSite(Mail(smtp, minimumMinutes: 0.1));
        var first = await Send(site, "Nusrat Jahan Chowdhury");
        await Poll.UntilTrue(() => Task.FromResult(!smtp.Received.IsEmpty), TimeSpan.FromSeconds(20), "no mail arrived");
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["<coordinators@example.org>", "<lead@example.org>"], mail.To);
        Assert.Contains("Subject: 1 new appointment request is waiting", mail.Data, StringComparison.Ordinal);
        Assert.Contains(first, mail.Data, StringComparison.Ordinal);

        // Two more straight after: they wait for the minimum gap and come in one mail together.
        var second = await Send(site, "Abdul Karim Mia");
        var third = await Send(site, "Fatema Begum Rahman");
        await Poll.UntilTrue(() => Task.FromResult(smtp.Received.Count >= 2), TimeSpan.FromSeconds(30), "no second mail arrived");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, smtp.Received.Count);
        var batch = smtp.Received.ToArray()[1];
        Assert.True(batch.At - mail.At >= TimeSpan.FromSeconds(5.5), $"only {(batch.At - mail.At).TotalSeconds} s between mails");
        Assert.Contains("Subject: 2 new appointment requests are waiting", batch.Data, StringComparison.Ordinal);
        Assert.Contains(second, batch.Data, StringComparison.Ordinal);
        Assert.Contains(third, batch.Data, StringComparison.Ordinal);
        Assert.DoesNotContain(first, batch.Data, StringComparison.Ordinal);

        foreach (var received in smtp.Received)
        {
            foreach (var secret in new[] { "Nusrat", "Abdul", "Fatema", "swelling", "1812", "Bengali", "knee" })
            {
                Assert.DoesNotContain(secret, received.Data, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Without_an_SMTP_host_no_mail_is_attempted_and_the_site_still_starts()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new StaffSite();
        await Send(site, "Nusrat Jahan Chowdhury");
        await Poll.Until(() => site.WorkList.ListAsync(new()), items => items.Count == 1, TimeSpan.FromSeconds(20));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(smtp.Received);
    }
}

using BoneTumorInfo.Web.Tests.Appointments;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class StaffLogTests
{
    [Fact]
    public async Task A_whole_day_of_staff_work_leaves_no_patient_data_or_password_in_the_logs()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new StaffSite(new()
        {
            ["Staff:Smtp:Host"] = "127.0.0.1",
            ["Staff:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Staff:Smtp:UseTls"] = "false",
            ["Staff:Smtp:From"] = "site@example.org",
            ["Staff:Smtp:To:0"] = "coordinators@example.org",
        });
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator", "editor");
        using var form = site.CreateFormClient();
        var answers = AppointmentForm.ValidAnswers();
        answers["PatientName"] = "Zubaida Quadir Khanam";
        answers["Reason"] = "Zigzag pain in the left shin";
        answers["Email"] = "zubaida.parent@example.com";
        var reference = await AppointmentForm.ReferenceFrom(form, await AppointmentForm.Submit(form, answers));

        var browser = await site.SignedIn("rahima@example.org");
        await Poll.Until(() => browser.Get("/staff/requests"), p => p.Main.Contains(reference, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var page = await browser.Get("/staff/requests/" + reference);
        page = await browser.Submit(page, "Assign to me");
        page = await browser.Submit(page, "Record outcome", new() { ["Wrong number"] = "", ["Note (optional)"] = "Quokka answered instead" });
        await browser.Client.GetByteArrayAsync(new Uri("/staff/requests?handler=export&show=all", UriKind.Relative));
        await browser.Get("/staff/pages");
        await Poll.UntilTrue(() => Task.FromResult(!smtp.Received.IsEmpty), TimeSpan.FromSeconds(20), "no mail arrived");
        await browser.Submit(await browser.Get("/staff/requests/" + reference), "Delete this request",
            new() { ["The person asked us to delete their request. Delete their details and notes now; the audit trail keeps only the reference."] = "" });
        await browser.Submit(await browser.Get("/staff/logout"), "Sign out");

        var log = string.Join('\n', site.Logs.Lines);
        Assert.Contains(reference, log, StringComparison.Ordinal);
        foreach (var secret in new[] { "Zubaida", "Khanam", "Zigzag", "zubaida.parent", "1712345678", "Quokka", site.Passwords["rahima@example.org"], site.Keys["rahima@example.org"].Replace(" ", "", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
        }
    }
}

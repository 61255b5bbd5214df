using System.Net;
using System.Text;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Web.Tests.Appointments;

namespace BoneTumorInfo.Web.Tests.Staff;

public sealed class WorkListPagesTests
{
    private static async Task<string> SendForm(StaffSite site, string name, string reason = "A painful swelling above her knee for two months.")
    {
        using var client = site.CreateFormClient();
        var answers = AppointmentForm.ValidAnswers();
        answers["PatientName"] = name;
        answers["Reason"] = reason;
        return await AppointmentForm.ReferenceFrom(client, await AppointmentForm.Submit(client, answers));
    }

    private static Task<StaffPage> WaitForInbox(StaffBrowser browser, string reference) =>
        Poll.Until(() => browser.Get("/staff/requests"), page => page.Main.Contains(reference, StringComparison.Ordinal), TimeSpan.FromSeconds(20));

    [Fact]
    public async Task A_request_sent_through_the_form_reaches_the_inbox_once_and_is_marked_received_in_the_local_queue()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator");
        var browser = await site.SignedIn("rahima@example.org");
        var reference = await SendForm(site, "Nusrat Jahan Chowdhury");

        var inbox = await WaitForInbox(browser, reference);
        var row = inbox.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(reference, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Bengali", "Children's tumour surgery", "New", "Nobody"], cells.Skip(2));
        Assert.Matches("^[0-9]+ min$", cells[1]);
        Assert.Empty(await site.Store.ReadUnreceivedAsync(10));
        Assert.Single(await site.WorkList.ListAsync(new WorkListQuery(WorkView.All)));
    }

    [Fact]
    public async Task The_inbox_shows_the_oldest_or_the_newest_first()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator");
        var now = DateTimeOffset.UtcNow;
        await site.WorkList.AddAsync(Request("BT-OLDD-AAAA", now.AddHours(-30)));
        await site.WorkList.AddAsync(Request("BT-NEWW-AAAA", now.AddMinutes(-5)));
        var browser = await site.SignedIn("rahima@example.org");

        var oldest = await browser.Get("/staff/requests");
        Assert.Equal(["BT-OLDD-AAAA", "BT-NEWW-AAAA"], References(oldest));
        Assert.Equal("1 day 6 h", oldest.Document.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[1].TextContent.Trim());
        var newest = await browser.Submit(oldest, "Show requests", new() { ["Order"] = "newest" });
        Assert.Equal(["BT-NEWW-AAAA", "BT-OLDD-AAAA"], References(newest));
    }

    [Fact]
    public async Task Coordinators_assign_take_over_and_record_outcomes_and_the_history_says_who_and_when()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator");
        await site.AddAccount("kamal@example.org", "Kamal Hossain", "coordinator");
        await site.WorkList.AddAsync(Request("BT-AAAA-BBBB", DateTimeOffset.UtcNow.AddHours(-2)));
        var rahima = await site.SignedIn("rahima@example.org");
        var kamal = await site.SignedIn("kamal@example.org");

        var page = await rahima.Get("/staff/requests/BT-AAAA-BBBB");
        Assert.Contains("Nobody has taken this request yet.", page.Main, StringComparison.Ordinal);
        Assert.Contains("Test Person", page.Main, StringComparison.Ordinal);
        page = await rahima.Submit(page, "Assign to me");
        Assert.Contains("You have this request.", page.Main, StringComparison.Ordinal);

        // Kamal sees who holds it; recording an outcome needs taking it over first.
        var theirs = await kamal.Get("/staff/requests/BT-AAAA-BBBB");
        Assert.Contains("Rahima Akter has this request.", theirs.Main, StringComparison.Ordinal);
        Assert.Null(theirs.Document.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == "Assign to me"));
        var refused = await kamal.Submit(theirs, "Record outcome", new() { ["Called and booked"] = "" });
        Assert.Contains("Rahima Akter has this request: take it over first", refused.Main, StringComparison.Ordinal);
        Assert.Equal(WorkStatus.New, (await site.WorkList.GetAsync("BT-AAAA-BBBB"))!.Status);

        theirs = await kamal.Submit(theirs, "Take over from Rahima Akter");
        Assert.Contains("You have this request.", theirs.Main, StringComparison.Ordinal);
        theirs = await kamal.Submit(theirs, "Record outcome", new() { ["No answer (try again)"] = "", ["Note (optional)"] = "Phone off, try after 4 pm" });
        Assert.Contains("The outcome is recorded.", theirs.Main, StringComparison.Ordinal);
        Assert.Contains("Phone off, try after 4 pm", theirs.Main, StringComparison.Ordinal);

        var history = theirs.Document.QuerySelectorAll("table")[^1].QuerySelectorAll("tbody tr")
            .Select(r => r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(
            [
                ["system", "received", "New"],
                ["Rahima Akter", "assigned", "New"],
                ["Kamal Hossain", "taken over", "New"],
                ["Kamal Hossain", "outcome recorded", "No answer (try again)"],
            ], history);
        // Still to call: "no answer" stays in the inbox.
        Assert.Contains("BT-AAAA-BBBB", (await kamal.Get("/staff/requests")).Main, StringComparison.Ordinal);
        await kamal.Submit(await kamal.Get("/staff/requests/BT-AAAA-BBBB"), "Record outcome", new() { ["Called and booked"] = "" });
        Assert.DoesNotContain("BT-AAAA-BBBB", (await kamal.Get("/staff/requests")).Main, StringComparison.Ordinal);
        Assert.Contains("BT-AAAA-BBBB", (await kamal.Get("/staff/requests?show=done")).Main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_at_the_persons_wish_needs_confirming_and_leaves_only_the_reference_in_the_audit_trail()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator");
        var browser = await site.SignedIn("rahima@example.org");
        var reference = await SendForm(site, "Nusrat Jahan Chowdhury");
        await WaitForInbox(browser, reference);
        Assert.Contains(reference, await site.Store.AllReferencesAsync());
        var page = await browser.Get("/staff/requests/" + reference);

        var unconfirmed = await browser.Submit(page, "Delete this request");
        Assert.Contains("Tick the box", unconfirmed.Main, StringComparison.Ordinal);
        Assert.NotNull(await site.WorkList.GetAsync(reference));

        var done = await browser.Submit(page, "Delete this request", new() { ["The person asked us to delete their request. Delete their details and notes now; the audit trail keeps only the reference."] = "" });
        Assert.Equal("/staff/requests", done.Path);
        Assert.Contains($"Request {reference} was deleted.", done.Main, StringComparison.Ordinal);
        Assert.Null(await site.WorkList.GetAsync(reference));
        // Gone from the local queue too, not left to wait for its retention purge.
        Assert.DoesNotContain(reference, await site.Store.AllReferencesAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Get("/staff/requests/" + reference)).Status);
        var last = (await site.WorkList.AuditTrailAsync(reference))[^1];
        Assert.Equal(("Rahima Akter", AuditActions.Deleted), (last.StaffName, last.Action));
    }

    [Fact]
    public async Task The_export_is_the_current_view_as_a_UTF8_spreadsheet_in_Dhaka_time()
    {
        using var site = new StaffSite();
        await site.AddAccount("rahima@example.org", "Rahima Akter", "coordinator");
        await site.WorkList.AddAsync(Request("BT-AAAA-DDDD", new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.Zero), name: "=cmd|' /C calc'!A0"));
        await site.WorkList.AddAsync(Request("BT-AAAA-EEEE", new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero)));
        await site.WorkList.RecordOutcomeAsync("BT-AAAA-EEEE", new StaffMember("x", "Someone"), WorkStatus.Withdrawn, null);
        var browser = await site.SignedIn("rahima@example.org");

        var inbox = await browser.Get("/staff/requests");
        var link = inbox.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Download this list", StringComparison.Ordinal)).GetAttribute("href")!;
        var response = await browser.Client.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("BT-AAAA-DDDD,2026-03-02 02:30,New,,Patient,'=cmd|' /C calc'!A0,", lines[1], StringComparison.Ordinal);

        var all = await browser.Client.GetStringAsync(new Uri("/staff/requests?handler=export&show=all&order=newest", UriKind.Relative));
        Assert.Contains("BT-AAAA-EEEE,2026-03-02 14:00,Withdrawn", all, StringComparison.Ordinal);
    }

    internal static BoneTumorInfo.Appointments.AppointmentRequest Request(string reference, DateTimeOffset sent, string name = "Test Person") =>
        new(reference, sent, BoneTumorInfo.Appointments.Submitter.Patient, name, new DateOnly(2000, 1, 1), "+8801712345678", null,
            BoneTumorInfo.Appointments.Service.BoneTumourSurgery, BoneTumorInfo.Appointments.CallLanguage.English, "Pain at night");

    private static List<string> References(StaffPage page) =>
        page.Document.QuerySelectorAll("tbody th a").Select(a => a.TextContent.Trim()).ToList();
}

using System.Text;
using BoneTumorInfo.Appointments.WorkList;

namespace BoneTumorInfo.Appointments.Tests.WorkList;

public sealed class WorkListCsvTests
{
    private static readonly TimeZoneInfo Dhaka = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");

    private static WorkItem Item(AppointmentRequest request, WorkStatus status = WorkStatus.New, StaffMember? holder = null) =>
        new(1, request.Reference, request, request.SubmittedAt, status, holder, request.SubmittedAt);

    [Fact]
    public void The_export_is_UTF8_with_a_byte_order_mark_in_readable_words_and_the_services_time()
    {
        var request = WorkListStoreTests.Request("ABCD2345", new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.Zero), name: "নুসরাত জাহান") with { FormLanguage = FormLanguage.FromCode("bn") };
        var bytes = WorkListCsv.Write([Item(request, WorkStatus.NoAnswer, new StaffMember("x", "Rahima Akter"))], Dhaka);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        Assert.StartsWith("Reference,Sent,Status,Held by,Filled in by,Patient name", lines[0], StringComparison.Ordinal);
        // 20:30 UTC is 02:30 the next day in Dhaka (UTC+6).
        Assert.Equal("ABCD2345,2026-03-02 02:30,No answer (try again),Rahima Akter,Parent or carer,নুসরাত জাহান,2015-01-14,'+8801712345678,,,Children's tumour surgery,Bengali,Bengali,Swelling above the knee", lines[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Pain, at night", "\"Pain, at night\"")]
    public void Free_text_that_a_spreadsheet_would_run_is_made_inert(string reason, string cell)
    {
        var request = WorkListStoreTests.Request("ABCD2345", DateTimeOffset.UnixEpoch, reason: reason);
        var line = Encoding.UTF8.GetString(WorkListCsv.Write([Item(request)], Dhaka).AsSpan(3)).Split("\r\n")[1];
        Assert.EndsWith("," + cell, line, StringComparison.Ordinal);
    }
}

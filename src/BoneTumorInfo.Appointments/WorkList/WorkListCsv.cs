using System.Globalization;
using System.Text;
using BoneTumorInfo.Appointments.Receiving;

namespace BoneTumorInfo.Appointments.WorkList;

/// <summary>
/// The work list as a spreadsheet opens it: UTF-8 with a byte-order mark (so Excel reads Bengali
/// names right), times in the service's time zone, values in words ("Parent or carer"), and
/// free text made safe by <see cref="CsvCells"/> so no cell runs as a formula.
/// </summary>
public static class WorkListCsv
{
    private static readonly string[] Columns =
    [
        "Reference", "Sent", "Status", "Held by", "Filled in by", "Patient name", "Date of birth", "Phone", "Extension",
        "Email", "Service", "Call in", "Form language", "Reason",
    ];

    public static byte[] Write(IEnumerable<WorkItem> items, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(zone);
        var text = new StringBuilder();
        text.Append(CsvCells.Line(Columns)).Append("\r\n");
        foreach (var item in items)
        {
            var r = item.Request;
            string[] cells =
            [
                item.Reference,
                TimeZoneInfo.ConvertTime(r.SubmittedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                item.Status.Readable(),
                CsvCells.Text(item.Holder?.Name),
                r.SubmittedBy.Readable(),
                CsvCells.Text(r.PatientName),
                r.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                // Written as text: "+8801…" must not become a formula or a number.
                CsvCells.Text(r.Phone),
                CsvCells.Text(r.PhoneExtension),
                CsvCells.Text(r.Email),
                r.Service.Readable(),
                r.CallLanguage.Readable(),
                r.FormLanguage.EnglishName,
                CsvCells.Text(r.Reason),
            ];
            text.Append(CsvCells.Line(cells)).Append("\r\n");
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }
}

using System.Globalization;

namespace BoneTumorInfo.Appointments.Receiving;

public enum OutputFormat
{
    JsonLines,
    Csv,
}

/// <summary>
/// Writes requests out for staff: one JSON object per line, or CSV with a header row. Columns
/// added later go at the end, so a spreadsheet set up for the earlier ones still lines up.
/// </summary>
public sealed class RequestWriter(TextWriter output, OutputFormat format, bool writeHeader)
{
    private static readonly string[] CsvColumns =
        ["reference", "submitted_at", "submitted_by", "patient_name", "date_of_birth", "phone", "email", "service", "call_language", "reason", "form_language", "phone_extension"];

    private bool _headerPending = format == OutputFormat.Csv && writeHeader;

    /// <summary>Writes and flushes one request: when this returns, it is out of our hands.</summary>
    public async Task WriteAsync(AppointmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_headerPending)
        {
            await output.WriteLineAsync(string.Join(',', CsvColumns).AsMemory(), cancellationToken).ConfigureAwait(false);
            _headerPending = false;
        }

        var line = format == OutputFormat.Csv ? ToCsv(request) : AppointmentJson.Serialize(request);
        await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ToCsv(AppointmentRequest r)
    {
        string[] cells =
        [
            r.Reference,
            r.SubmittedAt.ToString("o", CultureInfo.InvariantCulture),
            r.SubmittedBy.ToString(),
            CsvCells.Text(r.PatientName),
            r.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Phone,
            CsvCells.Text(r.Email),
            r.Service.ToString(),
            r.CallLanguage.ToString(),
            CsvCells.Text(r.Reason),
            r.FormLanguage.Code,
            CsvCells.Text(r.PhoneExtension),
        ];
        return CsvCells.Line(cells);
    }
}

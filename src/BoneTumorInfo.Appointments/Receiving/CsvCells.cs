using System.Text;

namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>
/// CSV cells that are safe to open in a spreadsheet: the one place that knows how, used by the
/// receiver's CSV and the staff area's export.
/// </summary>
public static class CsvCells
{
    /// <summary>
    /// Free text that a spreadsheet would run as a formula (=, +, -, @, tab or carriage return
    /// first) gets a leading apostrophe, so opening the file cannot run anything a form-filler typed.
    /// </summary>
    public static string Text(string? value) =>
        value is { Length: > 0 } && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value ?? "";

    /// <summary>Quotes a cell that holds a comma, a quote or a line break (RFC 4180).</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        var builder = new StringBuilder(value.Length + 2).Append('"');
        builder.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }

    /// <summary>One CSV line from cells already made safe with <see cref="Text"/> where they hold free text.</summary>
    public static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote));
}

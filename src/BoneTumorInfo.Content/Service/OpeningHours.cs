using System.Globalization;
using System.Text.RegularExpressions;
using BoneTumorInfo.Content.Languages;

namespace BoneTumorInfo.Content.Service;

/// <summary>Days and times, as written in service.yml: <c>Sun-Thu 09:00-17:00</c>, or a day range alone.</summary>
/// <param name="Days">The days as written: each a single day (From == To) or a range that runs forward through the week.</param>
/// <param name="Opens">Minutes after midnight.</param>
/// <param name="Closes">Minutes after midnight; 1440 is midnight at the end of the day (24:00).</param>
public sealed record OpeningPeriod(IReadOnlyList<(DayOfWeek From, DayOfWeek To)> Days, int Opens, int Closes)
{
    /// <summary>Every day the period covers.</summary>
    public IEnumerable<DayOfWeek> EachDay => Days.SelectMany(range => OpeningHours.Span(range.From, range.To));
}

/// <summary>
/// When a phone line is answered. Staff write either <c>24 hours</c>, or one or more parts
/// separated by semicolons, each a set of days then a time range in 24-hour clock:
/// <c>Sun-Thu 09:00-17:00; Sat 09:00-13:00</c>. Days are Sat, Sun, Mon, Tue, Wed, Thu and Fri
/// (or their full names), alone, in ranges (<c>Sun-Thu</c>, the Bangladesh working week) or in
/// lists (<c>Sun, Tue</c>); <c>Daily</c> means every day. A range runs forward through the
/// week, so <c>Thu-Sat</c> is Thursday, Friday and Saturday. Days not named are closed.
/// </summary>
public sealed partial class OpeningHours
{
    /// <summary>What the checker shows when the hours cannot be read.</summary>
    public const string FormatHelp = "write '24 hours', or days and times like 'Sun-Thu 09:00-17:00; Sat 09:00-13:00'";

    private static readonly Dictionary<string, DayOfWeek> DayNames = BuildDayNames();

    private OpeningHours(bool allDay, IReadOnlyList<OpeningPeriod> periods, string written)
    {
        IsAllDay = allDay;
        Periods = periods;
        Written = written;
    }

    /// <summary>Answered at any hour of every day.</summary>
    public bool IsAllDay { get; }

    /// <summary>The parts, in the order written (empty when <see cref="IsAllDay"/>).</summary>
    public IReadOnlyList<OpeningPeriod> Periods { get; }

    /// <summary>The hours as staff wrote them in service.yml.</summary>
    public string Written { get; }

    public override string ToString() => Written;

    /// <summary>Reads the hours, or says in plain words what is wrong with them.</summary>
    public static bool TryParse(string? text, out OpeningHours hours, out string problem)
    {
        hours = null!;
        problem = "";
        var written = (text ?? "").Trim();
        if (written.Length == 0)
        {
            problem = $"the hours are empty: {FormatHelp}";
            return false;
        }

        if (AllDay().IsMatch(written))
        {
            hours = new OpeningHours(true, [], written);
            return true;
        }

        var periods = new List<OpeningPeriod>();
        var seen = new HashSet<DayOfWeek>();
        foreach (var part in written.Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0) continue;
            var match = Period().Match(part);
            if (!match.Success)
            {
                problem = $"'{part}' is not days and times: {FormatHelp}";
                return false;
            }

            var days = new List<(DayOfWeek, DayOfWeek)>();
            foreach (var item in match.Groups["days"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var ends = item.Split(['-', '–'], StringSplitOptions.TrimEntries);
                if (ends.Length > 2 || !TryDay(ends[0], out var from, out problem)) return Fail(ref problem, ends.Length > 2 ? $"'{item}' is not a day or a range of days like Sun-Thu" : problem);
                var to = from;
                if (ends.Length == 2 && !TryDay(ends[1], out to, out problem)) return false;
                if (ends.Any(end => end.Equals("daily", StringComparison.OrdinalIgnoreCase)))
                {
                    if (ends.Length == 2) return Fail(ref problem, "'Daily' already means every day: do not make a range with it");
                    (from, to) = (DayOfWeek.Saturday, DayOfWeek.Friday);
                }

                foreach (var day in Span(from, to))
                {
                    if (!seen.Add(day)) return Fail(ref problem, $"{CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day)} is given hours twice: name each day once");
                }

                days.Add((from, to));
            }

            if (!TryTime(match.Groups["opens"].Value, out var opens, out problem) || !TryTime(match.Groups["closes"].Value, out var closes, out problem)) return false;
            if (closes <= opens)
            {
                return Fail(ref problem,
                    $"in '{part}' the line closes ({match.Groups["closes"].Value}) before it opens ({match.Groups["opens"].Value}); for a line open through the night write '24 hours'");
            }

            periods.Add(new OpeningPeriod(days, opens, closes));
        }

        if (periods.Count == 0)
        {
            problem = $"the hours are empty: {FormatHelp}";
            return false;
        }

        hours = new OpeningHours(false, periods, written);
        return true;
    }

    private static bool Fail(ref string problem, string message)
    {
        problem = message;
        return false;
    }

    /// <summary>The hours in words a reader of <paramref name="language"/> uses (see <see cref="LanguageText"/>).</summary>
    public string Describe(string language)
    {
        var words = LanguageText.For(language);
        if (IsAllDay) return words.HoursAllDay;
        var parts = Periods.Select(period =>
        {
            var days = period.Days.Count == 1 && period.Days[0] == (DayOfWeek.Saturday, DayOfWeek.Friday)
                ? words.HoursEveryDay
                : string.Join(", ", period.Days.Select(range => range.From == range.To ? words.DayName(range.From) : words.DayRange(range.From, range.To)));
            return words.Period(days, period.Opens, period.Closes);
        });
        return string.Join("; ", parts);
    }

    /// <summary>Whether the line is answered at a local time (Bangladesh time for this service).</summary>
    public bool IsOpenAt(DateTime localTime)
    {
        if (IsAllDay) return true;
        var minute = (localTime.Hour * 60) + localTime.Minute;
        return Periods.Any(p => p.EachDay.Contains(localTime.DayOfWeek) && minute >= p.Opens && minute < p.Closes);
    }

    internal static IEnumerable<DayOfWeek> Span(DayOfWeek from, DayOfWeek to)
    {
        for (var day = from; ; day = (DayOfWeek)(((int)day + 1) % 7))
        {
            yield return day;
            if (day == to) yield break;
        }
    }

    private static bool TryDay(string text, out DayOfWeek day, out string problem)
    {
        problem = "";
        if (text.Equals("daily", StringComparison.OrdinalIgnoreCase))
        {
            day = DayOfWeek.Saturday;
            return true;
        }

        if (DayNames.TryGetValue(text, out day)) return true;
        problem = $"'{text}' is not a day: write Sat, Sun, Mon, Tue, Wed, Thu or Fri";
        return false;
    }

    private static bool TryTime(string text, out int minutes, out string problem)
    {
        problem = "";
        minutes = 0;
        var parts = text.Split(':');
        if (parts.Length == 2 && parts[1].Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            && minute < 60 && (hour < 24 || (hour == 24 && minute == 0)))
        {
            minutes = (hour * 60) + minute;
            return true;
        }

        problem = $"'{text}' is not a time: write times in the 24-hour clock, like 09:00 or 17:30";
        return false;
    }

    private static Dictionary<string, DayOfWeek> BuildDayNames()
    {
        var names = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase);
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            names[CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day)] = day;
            names[CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day)] = day;
        }

        return names;
    }

    [GeneratedRegex(@"^(24\s*hours|24/7)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AllDay();

    [GeneratedRegex(@"^(?<days>[A-Za-z]+(?:\s*[-–]\s*[A-Za-z]+)?(?:\s*,\s*[A-Za-z]+(?:\s*[-–]\s*[A-Za-z]+)?)*)\s+(?<opens>\S+?)\s*[-–]\s*(?<closes>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}

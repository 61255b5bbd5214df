namespace BoneTumorInfo.Appointments.WorkList;

/// <summary>
/// How long a request has waited in working days: the call-back promise ("within 2 working
/// days") counts only the service's working days, in its own time zone. In Bangladesh the
/// weekend is Friday and Saturday.
/// </summary>
public sealed class WorkingTime
{
    public static IReadOnlyList<DayOfWeek> BangladeshWorkingDays { get; } =
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _workingDays;

    public WorkingTime(TimeZoneInfo zone, IEnumerable<DayOfWeek> workingDays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(workingDays);
        _zone = zone;
        _workingDays = [.. workingDays];
        if (_workingDays.Count == 0) throw new ArgumentException("At least one working day is needed.", nameof(workingDays));
    }

    /// <summary>The time between two instants that fell on working days (whole days count 24 hours).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, _zone).DateTime);
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (!_workingDays.Contains(day.DayOfWeek)) continue;
            var start = StartOf(day);
            var end = StartOf(day.AddDays(1));
            var overlap = Min(end, to) - Max(start, from);
            if (overlap > TimeSpan.Zero) total += overlap;
        }

        return total;
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

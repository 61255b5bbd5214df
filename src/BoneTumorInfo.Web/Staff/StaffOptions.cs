using BoneTumorInfo.Appointments.WorkList;

namespace BoneTumorInfo.Web.Staff;

/// <summary>The "Staff" section: the staff area's clock, its queue and its mail.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>The service's time zone: ages, export times and working days are reckoned in it.</summary>
    public string TimeZone { get; set; } = "Asia/Dhaka";

    /// <summary>The days that count towards the call-back promise (Bangladesh: Sunday to Thursday).</summary>
    public IList<DayOfWeek> WorkingDays { get; set; } = [];

    /// <summary>/health/ready turns degraded once the oldest new request has waited this many working hours.</summary>
    public double MaxWaitingHours { get; set; } = 48;

    /// <summary>
    /// Whether this instance takes requests into its work list. Unset: yes on one machine (the
    /// local SQLite queue), no with RabbitMQ, where exactly one instance is set to true.
    /// </summary>
    public bool? ConsumeQueue { get; set; }

    /// <summary>A session ends after this many minutes without a request (sliding).</summary>
    public double IdleMinutes { get; set; } = 20;

    public SmtpOptions Smtp { get; set; } = new();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public WorkingTime WorkingTime => new(Zone, WorkingDays.Count > 0 ? WorkingDays : WorkingTime.BangladeshWorkingDays);
}

/// <summary>The "Staff:Smtp" section. Mail is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS from the start on port 465, STARTTLS (required, never optional) on other ports.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    public IList<string> To { get; set; } = [];

    /// <summary>At most one mail per this many minutes: new requests meanwhile go in the next one.</summary>
    public double MinimumMinutes { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

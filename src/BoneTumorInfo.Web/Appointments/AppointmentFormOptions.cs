using BoneTumorInfo.Appointments;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>The "Appointments:Form" section: limits that protect the form from floods.</summary>
public sealed class AppointmentFormOptions
{
    public const string SectionName = AppointmentsOptions.SectionName + ":Form";

    /// <summary>Form posts each client (IP address) may make per window.</summary>
    public int PermitLimit { get; set; } = 10;

    public double WindowSeconds { get; set; } = 60;
}

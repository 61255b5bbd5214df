using System.Globalization;
using BoneTumorInfo.Appointments.WorkList;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Staff;

/// <summary>
/// Degraded (still ready) when the oldest new request has waited longer than the call-back
/// promise allows, counted in working hours. It reads the work list, so it tells the same on one
/// machine and with the broker (on the instance that consumes the queue).
/// </summary>
public sealed class WorkListHealthCheck(WorkListStore workList, IOptions<StaffOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var oldest = await workList.OldestNewAsync(cancellationToken).ConfigureAwait(false);
            if (oldest is null) return HealthCheckResult.Healthy("No new appointment request is waiting.");
            var staff = options.Value;
            var waited = staff.WorkingTime.Between(oldest.Value, clock.GetUtcNow());
            var hours = waited.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
            return waited.TotalHours > staff.MaxWaitingHours
                ? HealthCheckResult.Degraded($"The oldest new appointment request has waited {hours} working hours (limit {staff.MaxWaitingHours.ToString(CultureInfo.InvariantCulture)}).")
                : HealthCheckResult.Healthy($"The oldest new appointment request has waited {hours} working hours.");
        }
#pragma warning disable CA1031 // A work list that cannot be read is the answer "unhealthy".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The work list cannot be read.", ex);
        }
    }
}

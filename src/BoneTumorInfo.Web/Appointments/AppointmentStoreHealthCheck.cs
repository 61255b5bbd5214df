using BoneTumorInfo.Appointments.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>Ready only if the SQLite store opens and answers a query.</summary>
public sealed class AppointmentStoreHealthCheck(SqliteAppointmentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.IsReachableAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("The appointment store is reachable.")
                : HealthCheckResult.Unhealthy("The appointment store did not answer.");
        }
#pragma warning disable CA1031 // Any failure to open the store is the answer "not ready".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The appointment store cannot be opened.", ex);
        }
    }
}

using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.RabbitMq;
using BoneTumorInfo.Appointments.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>
/// With RabbitMQ: degraded (not unhealthy) while the broker is away, because the form still
/// works and nothing is lost; the description says how long the oldest request has waited.
/// </summary>
public sealed class RabbitMqRelayHealthCheck(RabbitMqRelay relay, SqliteAppointmentStore store, IOptions<AppointmentsOptions> options, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var rabbit = options.Value.RabbitMq;
        if (!rabbit.IsConfigured) return HealthCheckResult.Healthy("RabbitMQ is not configured; requests stay in the local store.");
        var oldest = await store.OldestUnrelayedAsync(cancellationToken).ConfigureAwait(false);
        var age = oldest is null ? TimeSpan.Zero : clock.GetUtcNow() - oldest.Value;
        var backlog = $"oldest unsent request: {age.TotalSeconds:0}s";
        if (!relay.IsConnected) return HealthCheckResult.Degraded($"Not connected to RabbitMQ; {backlog}.");
        return age.TotalSeconds > rabbit.MaxUnsentAgeSeconds
            ? HealthCheckResult.Degraded($"Connected, but requests are waiting; {backlog}.")
            : HealthCheckResult.Healthy($"Connected; {backlog}.");
    }
}

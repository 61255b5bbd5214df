using System.Text.Json;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.RabbitMq;
using BoneTumorInfo.Appointments.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Hosting;

public static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddSiteHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<AppointmentStoreHealthCheck>("appointment-store", tags: [ReadyTag])
            .AddCheck<RabbitMqRelayHealthCheck>("rabbitmq-relay", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// /health/live: the process answers (no checks, so a slow disk never gets it restarted).
    /// /health/ready: it can take requests (the store opens; the broker state and backlog).
    /// </summary>
    public static WebApplication MapSiteHealthChecks(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

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

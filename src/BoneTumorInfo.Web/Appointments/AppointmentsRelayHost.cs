using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.RabbitMq;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>Runs the outbox relay to RabbitMQ for the life of the app, when a broker is configured.</summary>
public sealed class AppointmentsRelayHost(RabbitMqRelay relay, IOptions<AppointmentsOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RabbitMq.IsConfigured ? relay.RunAsync(stoppingToken) : Task.CompletedTask;
}

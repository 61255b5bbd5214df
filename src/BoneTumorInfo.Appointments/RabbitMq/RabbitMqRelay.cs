using BoneTumorInfo.Appointments.Storage;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace BoneTumorInfo.Appointments.RabbitMq;

/// <summary>
/// Moves requests from the local SQLite outbox to the RabbitMQ queue. A row is marked sent only
/// after the broker confirms it (publisher confirms on a quorum queue), so a broker outage or a
/// crash at any point means a resend, never a loss; the message id (the reference) lets the
/// receiver drop the resend.
/// </summary>
public sealed partial class RabbitMqRelay(SqliteAppointmentStore store, RabbitMqOptions options, TimeProvider clock, ILogger<RabbitMqRelay> logger)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private volatile bool _connected;

    /// <summary>Whether the relay holds an open channel to the broker right now.</summary>
    public bool IsConnected => _connected;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(options.RetryMinSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await RabbitMqTopology.ConnectAsync(options, "bti-relay", stoppingToken).ConfigureAwait(false);
                await using var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                    stoppingToken).ConfigureAwait(false);
                await RabbitMqTopology.DeclareAsync(channel, options, stoppingToken).ConfigureAwait(false);
                _connected = true;
                LogConnected(logger, options.QueueName);
                delay = TimeSpan.FromSeconds(options.RetryMinSeconds);
                await PumpAsync(channel, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Any broker or network failure means: wait, reconnect, resend from the outbox.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRetrying(logger, delay.TotalSeconds, ex.GetType().Name, ex.Message);
            }
            finally
            {
                _connected = false;
            }

            try
            {
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, options.RetryMaxSeconds));
        }
    }

    private async Task PumpAsync(IChannel channel, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!channel.IsOpen) throw new InvalidOperationException("The broker closed the channel.");
            var rows = await store.ReadUnrelayedAsync(options.BatchSize, stoppingToken).ConfigureAwait(false);
            if (rows.Count == 0)
            {
                await store.WaitForNewAsync(IdlePoll, stoppingToken).ConfigureAwait(false);
                continue;
            }

            // Start every publish, then wait for every confirm: one round trip per batch, not per request.
            var publishes = new List<(string Reference, Task Confirm)>(rows.Count);
            foreach (var row in rows)
            {
                var properties = new BasicProperties
                {
                    MessageId = row.Reference,
                    Persistent = true,
                    ContentType = "application/json",
                    Timestamp = new AmqpTimestamp(row.CreatedAt.ToUnixTimeSeconds()),
                };
                publishes.Add((row.Reference, channel.BasicPublishAsync(
                    exchange: "", routingKey: options.QueueName, mandatory: true, basicProperties: properties,
                    body: System.Text.Encoding.UTF8.GetBytes(row.Payload), cancellationToken: stoppingToken).AsTask()));
            }

            var confirmed = new List<string>(rows.Count);
            Exception? failure = null;
            foreach (var (reference, confirm) in publishes)
            {
                try
                {
                    await confirm.ConfigureAwait(false);
                    confirmed.Add(reference);
                }
#pragma warning disable CA1031 // Keep collecting: confirmed rows are marked, the rest are resent after reconnecting.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure ??= ex;
                }
            }

            await store.MarkRelayedAsync(confirmed, CancellationToken.None).ConfigureAwait(false);
            foreach (var reference in confirmed) LogSent(logger, reference);
            if (failure is not null) throw new InvalidOperationException("The broker did not confirm every request.", failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Appointment relay connected to RabbitMQ queue {Queue}")]
    private static partial void LogConnected(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Appointment relay cannot reach RabbitMQ; requests stay in the local store. Retrying in {DelaySeconds}s ({ErrorType}: {ErrorMessage})")]
    private static partial void LogRetrying(ILogger logger, double delaySeconds, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Appointment request {Reference} confirmed by RabbitMQ")]
    private static partial void LogSent(ILogger logger, string reference);
}

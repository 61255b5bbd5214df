using BoneTumorInfo.Appointments.RabbitMq;
using RabbitMQ.Client;

namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>Takes requests from the RabbitMQ queue one by one, acknowledging each only when asked.</summary>
public sealed class RabbitMqAppointmentSource : IAppointmentSource
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private RabbitMqAppointmentSource(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<RabbitMqAppointmentSource> ConnectAsync(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = await RabbitMqTopology.ConnectAsync(options, "bti-receive", cancellationToken).ConfigureAwait(false);
        try
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await RabbitMqTopology.DeclareAsync(channel, options, cancellationToken).ConfigureAwait(false);
            return new RabbitMqAppointmentSource(connection, channel, options.QueueName);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<ReceivedRequest?> NextAsync(CancellationToken cancellationToken)
    {
        // basic.get suits a staff tool that drains the queue and stops; unacked messages go back on close.
        var message = await _channel.BasicGetAsync(_queue, autoAck: false, cancellationToken).ConfigureAwait(false);
        if (message is null) return null;
        var request = AppointmentJson.Deserialize(message.Body.Span);
        var reference = message.BasicProperties.MessageId ?? request.Reference;
        var tag = message.DeliveryTag;
        return new ReceivedRequest(reference, request, ct => _channel.BasicAckAsync(tag, multiple: false, ct).AsTask());
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

using RabbitMQ.Client;

namespace BoneTumorInfo.Appointments.RabbitMq;

/// <summary>The one queue both sides agree on: durable, quorum (replicated, fsynced before confirms).</summary>
public static class RabbitMqTopology
{
    private static readonly Dictionary<string, object?> QuorumArguments = new(StringComparer.Ordinal) { ["x-queue-type"] = "quorum" };

    /// <summary>
    /// A connection that does not heal itself: the relay and the receiver reconnect on their own
    /// terms, so a failed publish is always retried from the outbox rather than half-recovered.
    /// </summary>
    public static Task<IConnection> ConnectAsync(RabbitMqOptions options, string clientName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = new ConnectionFactory
        {
            Uri = new Uri(options.Uri ?? throw new InvalidOperationException("Appointments:RabbitMq:Uri is not set.")),
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            ClientProvidedName = clientName,
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }

    public static Task<QueueDeclareOk> DeclareAsync(IChannel channel, RabbitMqOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        return channel.QueueDeclareAsync(options.QueueName, durable: true, exclusive: false, autoDelete: false,
            arguments: QuorumArguments, cancellationToken: cancellationToken);
    }
}

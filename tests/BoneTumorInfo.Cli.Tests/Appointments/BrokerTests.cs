using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.RabbitMq;
using BoneTumorInfo.Appointments.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using static BoneTumorInfo.Cli.Tests.Appointments.ReceiveHarness;

namespace BoneTumorInfo.Cli.Tests.Appointments;

/// <summary>
/// The scale-out path against a real broker: the form's SQLite outbox → relay (publisher
/// confirms) → durable quorum queue → <c>bti appointments receive</c>. The broker is the
/// collection's private node (see <see cref="LocalBroker"/>), never another one on the machine.
/// </summary>
[Collection(BrokerTestGroup.Name)]
public sealed class BrokerTests(LocalBroker broker)
{
    private sealed class Pipeline : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _running;

        public Pipeline(LocalBroker broker)
        {
            Data = NewDataDirectory();
            Options = new RabbitMqOptions { Uri = broker.Uri, QueueName = "bti-test-" + Guid.NewGuid().ToString("N"), RetryMinSeconds = 0.2, RetryMaxSeconds = 2 };
            Store = new SqliteAppointmentStore(Path.Combine(Data, "appointments.db"));
            Relay = new RabbitMqRelay(Store, Options, TimeProvider.System, NullLogger<RabbitMqRelay>.Instance);
            _running = Relay.RunAsync(_stop.Token);
        }

        public string Data { get; }

        public RabbitMqOptions Options { get; }

        public SqliteAppointmentStore Store { get; }

        public RabbitMqRelay Relay { get; }

        public async Task WaitUntilAllRelayed(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while ((await Store.ReadUnrelayedAsync(1)).Count > 0)
            {
                if (DateTime.UtcNow > deadline) throw new TimeoutException("The relay did not deliver every request.");
                await Task.Delay(100);
            }
        }

        /// <summary>Runs the receive command until <paramref name="expected"/> references have come out (or time runs out).</summary>
        public async Task<List<string>> ReceiveUntil(int expected, TimeSpan timeout)
        {
            var received = new List<string>();
            var deadline = DateTime.UtcNow + timeout;
            while (received.Count < expected && DateTime.UtcNow < deadline)
            {
                var (exit, output, errors) = await Bti("appointments", "receive", "--data-dir", Data, "--rabbitmq", Options.Uri!, "--queue", Options.QueueName, "--wait", "1");
                Assert.True(exit == 0, errors);
                received.AddRange(ReferencesIn(output));
            }

            return received;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running;
            await Store.DisposeAsync();
            _stop.Dispose();
        }
    }

    [BrokerFact]
    public async Task Requests_travel_from_the_outbox_to_the_receive_command_exactly_once()
    {
        await using var pipeline = new Pipeline(broker);
        var sent = await Enqueue(pipeline.Store, 25);
        await pipeline.WaitUntilAllRelayed(TimeSpan.FromSeconds(30));
        Assert.True(pipeline.Relay.IsConnected);

        var received = await pipeline.ReceiveUntil(sent.Count, TimeSpan.FromSeconds(30));
        Assert.Equal(sent.Order(), received.Order());

        // Nothing more waits on the queue.
        Assert.Empty(ReferencesIn((await Bti("appointments", "receive", "--data-dir", pipeline.Data, "--rabbitmq", broker.Uri, "--queue", pipeline.Options.QueueName)).Output));
    }

    [BrokerFact]
    public async Task A_message_delivered_twice_is_written_once()
    {
        await using var pipeline = new Pipeline(broker);
        var sent = await Enqueue(pipeline.Store, 1);
        await pipeline.WaitUntilAllRelayed(TimeSpan.FromSeconds(30));

        // The broker can hand over a resend (a confirm lost on the way back): publish a copy by hand.
        var stored = await pipeline.Store.ReadUnreceivedAsync(1);
        await using (var connection = await RabbitMqTopology.ConnectAsync(pipeline.Options, "test", default))
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            await channel.BasicPublishAsync("", pipeline.Options.QueueName, true,
                new BasicProperties { MessageId = sent[0], Persistent = true }, System.Text.Encoding.UTF8.GetBytes(stored[0].Payload));
        }

        var received = await pipeline.ReceiveUntil(2, TimeSpan.FromSeconds(5));
        Assert.Equal(sent, received);
    }

    [BrokerFact]
    public async Task A_broker_outage_loses_nothing_and_delivers_everything_once_when_it_returns()
    {
        await using var pipeline = new Pipeline(broker);
        var before = await Enqueue(pipeline.Store, 5);
        await pipeline.WaitUntilAllRelayed(TimeSpan.FromSeconds(30));

        await broker.StopAsync();
        List<string> during;
        try
        {
            Assert.False(broker.IsListening());
            // The form keeps working: requests are stored locally while the broker is away.
            during = await Enqueue(pipeline.Store, 20);
            await Task.Delay(1500);
            Assert.False(pipeline.Relay.IsConnected);
            Assert.Equal(20, (await pipeline.Store.ReadUnrelayedAsync(100)).Count);
            Assert.NotNull(await pipeline.Store.OldestUnrelayedAsync());
        }
        finally
        {
            await broker.StartAsync();
        }

        await pipeline.WaitUntilAllRelayed(TimeSpan.FromSeconds(60));
        var expected = before.Concat(during).ToList();
        var received = await pipeline.ReceiveUntil(expected.Count, TimeSpan.FromSeconds(60));
        Assert.Equal(expected.Order(), received.Order());
        // And nothing arrives a second time afterwards.
        Assert.Empty(await pipeline.ReceiveUntil(1, TimeSpan.FromSeconds(3)));
    }
}

using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

/// <summary>Per-test broker helpers: a private work queue, a private copy of everything dead-lettered, raw publishing.</summary>
internal sealed class RabbitTestKit : IAsyncDisposable
{
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<BasicDeliverEventArgs> _deadLetters = new();

    private RabbitTestKit(IConnection connection, IChannel channel, string queue)
    {
        Connection = connection;
        _channel = channel;
        Queue = queue;
    }

    public IConnection Connection { get; }

    /// <summary>A work queue declared like the real ones (dead-lettering to vision.dlx), bound by its name.</summary>
    public string Queue { get; }

    public static async Task<RabbitTestKit> CreateAsync(ServersFixture servers, MessagingOptions? options = null)
    {
        var connection = await servers.ConnectAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var queue = $"test.{Guid.NewGuid():N}";
        await MessagingTopology.DeclareWorkQueueAsync(connection, queue, options ?? new MessagingOptions(), new ListLogger(), CancellationToken.None);
        var kit = new RabbitTestKit(connection, channel, queue);

        // vision.dlx is a fanout: this exclusive queue sees every dead letter, the test filters by origin queue.
        var capture = await channel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(capture.QueueName, Queues.DeadLetterExchange, string.Empty);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            if (MessagingTopology.WorkQueueOf(delivery.RoutingKey) == queue)
            {
                kit._deadLetters.Enqueue(Copy(delivery));
            }

            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(capture.QueueName, autoAck: true, consumer);
        return kit;
    }

    public IReadOnlyCollection<BasicDeliverEventArgs> DeadLetters => _deadLetters;

    /// <summary>Publishes <paramref name="message"/> the way the services do.</summary>
    public async Task PublishAsync(ImageUploadedV1 message)
    {
        await using var publisher = new MessagePublisher(new BrokerConnection(Connection));
        await publisher.PublishAsync(Queue, message);
    }

    /// <summary>Puts <paramref name="message"/> straight into the quarantine queue, as if its consumer had died holding it.</summary>
    public async Task PublishToQuarantineAsync(ImageUploadedV1 message)
    {
        var properties = new BasicProperties { Persistent = true, Type = ImageUploadedV1.MessageType, MessageId = Guid.NewGuid().ToString("N") };
        await _channel.BasicPublishAsync(string.Empty, MessagingTopology.QuarantineOf(Queue), mandatory: true, properties, MessageJson.Serialize(message));
    }

    public async Task<BasicDeliverEventArgs> WaitForDeadLetterAsync()
    {
        await Eventually.TrueAsync(() => !_deadLetters.IsEmpty, "a dead letter");
        return _deadLetters.First();
    }

    public async Task PublishRawAsync(string body, string? type = null)
    {
        var properties = new BasicProperties { Persistent = true, Type = type, MessageId = Guid.NewGuid().ToString("N") };
        await _channel.BasicPublishAsync(Queues.Exchange, Queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Messages ready in the queue (not counting unacked deliveries).</summary>
    public async Task<uint> ReadyCountAsync() => (await _channel.QueueDeclarePassiveAsync(Queue)).MessageCount;

    /// <summary>Messages ready in the queue, plus in its quarantine queue with <paramref name="quarantine"/>.</summary>
    public async Task<uint> ReadyCountAsync(bool quarantine) =>
        await ReadyCountAsync() + (quarantine ? (await _channel.QueueDeclarePassiveAsync(MessagingTopology.QuarantineOf(Queue))).MessageCount : 0);

    public async ValueTask DisposeAsync()
    {
        await _channel.QueueDeleteAsync(Queue);
        await _channel.QueueDeleteAsync(MessagingTopology.QuarantineOf(Queue));
        await _channel.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private static BasicDeliverEventArgs Copy(BasicDeliverEventArgs d) =>
        new(d.ConsumerTag, d.DeliveryTag, d.Redelivered, d.Exchange, d.RoutingKey, d.BasicProperties, d.Body.ToArray());
}

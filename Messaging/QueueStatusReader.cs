using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>One queue as a passive declare reports it: ready messages and consumers (null when the queue does not exist).</summary>
public sealed record QueueReading(string Queue, bool Exists, long? Ready, long? Consumers);

/// <summary>
/// Reads every work queue, its quarantine queue and the dead-letter queue from RabbitMQ with AMQP passive declares (queue.declare-ok carries
/// the ready count and the consumer count, for classic and quorum queues alike; the management plugin is not needed).
/// Thread-safe.
/// </summary>
public sealed class QueueStatusReader(BrokerConnection broker)
{
    public static IReadOnlyList<string> Watched { get; } =
        [.. Queues.Work.SelectMany(queue => new[] { queue, MessagingTopology.QuarantineOf(queue) }), Queues.DeadLetter];

    /// <summary>Throws when the broker cannot be reached within <paramref name="ct"/>.</summary>
    public async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken ct)
    {
        var connection = await broker.GetAsync(ct);
        return await Task.WhenAll(Watched.Select(queue => ReadAsync(connection, queue, ct)));
    }

    private static async Task<QueueReading> ReadAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A passive declare of a missing queue closes its channel: one channel per queue.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, ct);
            return new QueueReading(queue, true, declared.MessageCount, declared.ConsumerCount);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            return new QueueReading(queue, false, null, null);
        }
    }
}

using RabbitMQ.Client;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Declares the broker topology; every declaration is idempotent, so any number of services may call it.
/// Work queues are durable classic queues on the direct exchange <see cref="Queues.Exchange"/>, bound by their
/// own name, and dead-letter through the fanout exchange <see cref="Queues.DeadLetterExchange"/> into
/// <see cref="Queues.DeadLetter"/> (the original queue stays visible in the x-death header).
/// </summary>
public static class MessagingTopology
{
    public static async Task DeclareAsync(IChannel channel, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(Queues.Exchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.ExchangeDeclareAsync(Queues.DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(Queues.DeadLetter, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: ct);
        await channel.QueueBindAsync(Queues.DeadLetter, Queues.DeadLetterExchange, routingKey: string.Empty, cancellationToken: ct);

        foreach (var queue in Queues.Work)
        {
            await DeclareWorkQueueAsync(channel, queue, ct);
        }
    }

    /// <summary>Opens a short-lived channel on <paramref name="connection"/> and declares the topology.</summary>
    public static async Task DeclareAsync(IConnection connection, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await DeclareAsync(channel, ct);
        await channel.CloseAsync(ct);
    }

    /// <summary>
    /// Declares one work queue the way the topology does (durable, classic, dead-lettering to
    /// <see cref="Queues.DeadLetterExchange"/>) and binds it to <see cref="Queues.Exchange"/> by its name.
    /// Expects the exchanges to exist.
    /// </summary>
    public static async Task DeclareWorkQueueAsync(IChannel channel, string queue, CancellationToken ct)
    {
        var arguments = new Dictionary<string, object?>
        {
            ["x-queue-type"] = "classic",
            ["x-dead-letter-exchange"] = Queues.DeadLetterExchange,
        };
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: ct);
        await channel.QueueBindAsync(queue, Queues.Exchange, routingKey: queue, cancellationToken: ct);
    }
}

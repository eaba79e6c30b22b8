using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Declares the broker topology; every declaration is idempotent, so any number of services may call it.
/// Work queues are durable quorum queues on the direct exchange <see cref="Queues.Exchange"/>, bound by their own
/// name. A message that comes back unacknowledged from a work queue's consumer (it died, or lost its channel) moves
/// to the work queue's quarantine queue (<see cref="QuarantineOf"/>), where consumers run one message at a time. A
/// message that comes back from there more than <see cref="MessagingOptions.DeliveryLimit"/> times (it keeps killing
/// its consumer) is dead-lettered, at least once, through the fanout exchange <see cref="Queues.DeadLetterExchange"/>
/// into <see cref="Queues.DeadLetter"/>; so is a message a consumer rejects.
/// The x-death header names the original queue and the reason (<c>delivery_limit</c> or <c>rejected</c>).
/// A work queue that exists with other arguments (the classic queues of earlier versions) is migrated by
/// <see cref="QueueMigration"/>.
/// </summary>
public static class MessagingTopology
{
    /// <summary>Opens short-lived channels on <paramref name="connection"/> and declares the topology.</summary>
    public static async Task DeclareAsync(IConnection connection, MessagingOptions options, ILogger logger, CancellationToken ct)
    {
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            await DeclareExchangesAndDeadLetterQueueAsync(channel, ct);
            await channel.CloseAsync(ct);
        }

        foreach (var queue in Queues.Work)
        {
            await DeclareWorkQueueAsync(connection, queue, options, logger, ct);
        }
    }

    /// <summary>Declares the topology with the default options, logging nothing (tests, tools).</summary>
    public static Task DeclareAsync(IConnection connection, CancellationToken ct) =>
        DeclareAsync(connection, new MessagingOptions(), NullLogger.Instance, ct);

    /// <summary>
    /// Declares one work queue the way the topology does and binds it to <see cref="Queues.Exchange"/> by its name,
    /// migrating an existing queue with other arguments first. Expects the exchanges to exist.
    /// </summary>
    public static async Task DeclareWorkQueueAsync(
        IConnection connection, string queue, MessagingOptions options, ILogger logger, CancellationToken ct)
    {
        await new QueueMigration(connection, QuarantineOf(queue), QuarantineArguments(options), logger).DeclareAsync(ct);
        await new QueueMigration(connection, queue, WorkQueueArguments(queue), logger).DeclareAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.QueueBindAsync(queue, Queues.Exchange, routingKey: queue, cancellationToken: ct);
        await channel.CloseAsync(ct);
    }

    /// <summary>
    /// The queue where crash suspects of <paramref name="workQueue"/> (messages that came back unacknowledged) run one
    /// at a time; declared like the work queue, reached through the default exchange only.
    /// </summary>
    public static string QuarantineOf(string workQueue) => $"{workQueue}{QuarantineSuffix}";

    /// <summary>The work queue of <paramref name="queue"/>: itself, or the one it is the quarantine of.</summary>
    public static string WorkQueueOf(string queue) => queue.EndsWith(QuarantineSuffix, StringComparison.Ordinal) ? queue[..^QuarantineSuffix.Length] : queue;

    private const string QuarantineSuffix = ".quarantine";

    /// <summary>Declares one work queue with the default options (tests).</summary>
    public static Task DeclareWorkQueueAsync(IConnection connection, string queue, CancellationToken ct) =>
        DeclareWorkQueueAsync(connection, queue, new MessagingOptions(), NullLogger.Instance, ct);

    /// <summary>
    /// A work queue: a quorum queue that dead-letters a message the first time it comes back unacknowledged (delivery
    /// limit 0), and everything its consumers reject, into its quarantine queue (through the default exchange).
    /// At-least-once dead-lettering (RabbitMQ 3.10+) keeps a message until its new queue confirmed it; it requires
    /// <c>reject-publish</c> overflow.
    /// </summary>
    public static Dictionary<string, object?> WorkQueueArguments(string queue) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-delivery-limit"] = 0,
        ["x-dead-letter-exchange"] = string.Empty,
        ["x-dead-letter-routing-key"] = QuarantineOf(queue),
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
    };

    /// <summary>
    /// A quarantine queue: a quorum queue that dead-letters into <see cref="Queues.DeadLetterExchange"/> a message that
    /// came back more often than <see cref="MessagingOptions.DeliveryLimit"/>, and what its consumers reject.
    /// </summary>
    public static Dictionary<string, object?> QuarantineArguments(MessagingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DeliveryLimit, 1);
        return new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = options.DeliveryLimit,
            ["x-dead-letter-exchange"] = Queues.DeadLetterExchange,
            ["x-dead-letter-strategy"] = "at-least-once",
            ["x-overflow"] = "reject-publish",
        };
    }

    private static async Task DeclareExchangesAndDeadLetterQueueAsync(IChannel channel, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(Queues.Exchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.ExchangeDeclareAsync(Queues.DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(Queues.DeadLetter, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }, cancellationToken: ct);
        await channel.QueueBindAsync(Queues.DeadLetter, Queues.DeadLetterExchange, routingKey: string.Empty, cancellationToken: ct);
    }
}

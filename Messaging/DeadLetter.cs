using System.Collections;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// A message as <see cref="Queues.DeadLetter"/> holds it, with what the broker's x-death header says about why:
/// <see cref="Reason"/> is the broker's (<c>delivery_limit</c>: it came back unacknowledged more often than the
/// queue's delivery limit, i.e. it kept killing its consumer; <c>rejected</c>: a consumer gave up on it).
/// <see cref="Queue"/> is the work queue, also for a message that died in its quarantine queue
/// (<see cref="FromQuarantine"/>).
/// </summary>
public sealed record DeadLetter(
    string MessageId,
    string Queue,
    bool FromQuarantine,
    string Reason,
    string? Type,
    string? ContentType,
    int Attempt,
    string? LastError,
    DateTimeOffset FirstDeathAt,
    ReadOnlyMemory<byte> Body) : IMessage
{
    public const string DeliveryLimitReason = "delivery_limit";
    public const string RejectedReason = "rejected";

    /// <summary>Not a message type of its own: dead letters keep the type of the message they were.</summary>
    public static string MessageType => "dead-letter";

    public static DeadLetter Read(BasicDeliverEventArgs delivery, DateTimeOffset now)
    {
        var properties = delivery.BasicProperties;
        var headers = properties.Headers;
        var death = Deaths(headers);
        var queue = Text(death, "queue") ?? Text(headers, "x-first-death-queue") ?? delivery.RoutingKey;
        var reason = Text(death, "reason") ?? Text(headers, "x-first-death-reason") ?? RejectedReason;
        var time = death?.TryGetValue("time", out var at) == true && at is AmqpTimestamp stamp
            ? DateTimeOffset.FromUnixTimeSeconds(stamp.UnixTime)
            : now;
        return new DeadLetter(
            properties.MessageId ?? $"delivery-{delivery.DeliveryTag}-{now.ToUnixTimeMilliseconds()}",
            MessagingTopology.WorkQueueOf(queue),
            MessagingTopology.WorkQueueOf(queue) != queue,
            reason,
            properties.Type,
            properties.ContentType,
            MessageHeaders.ReadAttempt(properties),
            Text(headers, MessageHeaders.LastError),
            time,
            delivery.Body.ToArray());
    }

    /// <summary>The reason and queue of the message's latest dead-lettering, or null when it was never dead-lettered.</summary>
    public static (string Reason, string Queue)? LatestDeath(IDictionary<string, object?>? headers) =>
        Deaths(headers) is { } death && Text(death, "reason") is { } reason && Text(death, "queue") is { } queue ? (reason, queue) : null;

    /// <summary>The newest x-death entry (the broker keeps them newest first).</summary>
    private static IDictionary<string, object?>? Deaths(IDictionary<string, object?>? headers) =>
        headers?.TryGetValue("x-death", out var deaths) == true && deaths is IList { Count: > 0 } list
            ? list[0] as IDictionary<string, object?>
            : null;

    private static string? Text(IDictionary<string, object?>? values, string key) =>
        values?.TryGetValue(key, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => null,
            }
            : null;
}

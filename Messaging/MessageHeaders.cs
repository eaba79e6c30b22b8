using System.Text;
using RabbitMQ.Client;

namespace VisionAspire.Messaging;

/// <summary>Names and readers for the AMQP headers this library sets.</summary>
public static class MessageHeaders
{
    /// <summary>1 for the first delivery attempt; the consumer republishes a failed message with this + 1.</summary>
    public const string Attempt = "x-attempt";

    /// <summary>The error of the previous attempt, on a retried message (truncated).</summary>
    public const string LastError = "x-last-error";

    /// <summary>
    /// Set by a quorum queue on a message it hands out again: how often the message came back unacknowledged
    /// (its consumer's channel closed, or its process died, while holding it). Absent on a first delivery.
    /// </summary>
    public const string DeliveryCount = "x-delivery-count";

    public static int ReadAttempt(IReadOnlyBasicProperties properties) =>
        properties.Headers is not null && properties.Headers.TryGetValue(Attempt, out var value) ? Math.Max(ReadInteger(value, 1), 1) : 1;

    /// <summary>The <see cref="DeliveryCount"/> header, 0 when absent.</summary>
    public static int ReadDeliveryCount(IReadOnlyBasicProperties properties) =>
        properties.Headers is not null && properties.Headers.TryGetValue(DeliveryCount, out var value) ? Math.Max(ReadInteger(value, 0), 0) : 0;

    /// <summary>Other clients (and the broker) may encode a number with any AMQP integer type, or as a string (byte[]).</summary>
    public static int ReadInteger(object? value, int fallback) =>
        value switch
        {
            int i => i,
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            short s => s,
            byte b => b,
            sbyte sb => sb,
            uint ui => (int)Math.Min(ui, int.MaxValue),
            byte[] text when int.TryParse(Encoding.UTF8.GetString(text), out var parsed) => parsed,
            _ => fallback,
        };
}

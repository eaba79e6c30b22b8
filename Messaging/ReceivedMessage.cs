using System.Diagnostics;
using RabbitMQ.Client;

namespace VisionAspire.Messaging;

/// <summary>A decoded delivery, with what is needed to ack, retry or dead-letter it after the callback returned.</summary>
internal sealed record ReceivedMessage<T>(IChannel Channel, ulong DeliveryTag, T Message, int Attempt, byte[] Body, IReadOnlyBasicProperties Properties)
{
    /// <summary>The trace context of the span that published the message (default when it carried none).</summary>
    public ActivityContext Sender { get; } = MessagingTelemetry.SenderContext(Properties);
}

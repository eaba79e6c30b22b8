using RabbitMQ.Client;

namespace VisionAspire.Messaging;

/// <summary>A decoded delivery, with what is needed to ack, retry or dead-letter it after the callback returned.</summary>
internal sealed record ReceivedMessage<T>(IChannel Channel, ulong DeliveryTag, T Message, int Attempt, byte[] Body, IReadOnlyBasicProperties Properties);

namespace VisionAspire.Contracts;

/// <summary>A message on the bus. <see cref="MessageType"/> goes into the AMQP "type" property, e.g. "image.uploaded.v1".</summary>
public interface IMessage
{
    static abstract string MessageType { get; }
}

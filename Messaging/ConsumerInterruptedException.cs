namespace VisionAspire.Messaging;

/// <summary>A consumer's channel closed or the broker cancelled it; the consumer re-creates it and goes on.</summary>
public sealed class ConsumerInterruptedException(string queue, string reason)
    : Exception($"Consumer of {queue} interrupted: {reason}");

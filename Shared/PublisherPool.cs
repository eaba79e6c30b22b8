using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Shared;

/// <summary>
/// Several confirmed publishers over one connection, used round-robin. One <see cref="MessagePublisher"/> has a
/// single publish in flight at a time, so its rate is 1 / (broker confirm latency); a persistent message is
/// confirmed only after RabbitMQ has written it to disk, which made one publisher the pipeline's bottleneck
/// (about 10 messages/s). Thread-safe.
/// </summary>
public sealed class PublisherPool : IAsyncDisposable
{
    public const int DefaultSize = 4;

    private readonly MessagePublisher[] _publishers;
    private int _next = -1;

    public PublisherPool(BrokerConnection broker, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _publishers = Enumerable.Range(0, size).Select(_ => new MessagePublisher(broker)).ToArray();
    }

    public Task PublishAsync<T>(string routingKey, T message, CancellationToken ct = default) where T : IMessage
    {
        var index = (int)((uint)Interlocked.Increment(ref _next) % (uint)_publishers.Length);
        return _publishers[index].PublishAsync(routingKey, message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var publisher in _publishers)
        {
            await publisher.DisposeAsync();
        }
    }
}

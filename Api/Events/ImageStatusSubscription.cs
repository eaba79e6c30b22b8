using System.Threading.Channels;

namespace VisionAspire.Api.Events;

/// <summary>
/// The status events of a set of images for one client. A <c>null</c> item means "notifications may have been
/// missed" (the listening connection was re-established): the reader should read the current statuses again.
/// </summary>
public sealed class ImageStatusSubscription : IDisposable
{
    private readonly ImageStatusHub _hub;

    // Unbounded on purpose: an image moves through at most six statuses and a subscription covers a capped
    // number of images, while dropping an item could lose the terminal status the client is waiting for.
    private readonly Channel<ImageStatusEvent?> _events =
        Channel.CreateUnbounded<ImageStatusEvent?>(new UnboundedChannelOptions { SingleReader = true });

    internal ImageStatusSubscription(ImageStatusHub hub, IReadOnlySet<Guid> ids)
    {
        _hub = hub;
        Ids = ids;
    }

    public IReadOnlySet<Guid> Ids { get; }

    public ChannelReader<ImageStatusEvent?> Events => _events.Reader;

    internal void Offer(ImageStatusEvent? item) => _events.Writer.TryWrite(item);

    public void Dispose()
    {
        _hub.Remove(this);
        _events.Writer.TryComplete();
    }
}

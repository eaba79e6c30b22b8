namespace VisionAspire.Api.Events;

/// <summary>Fans the notifications of the one listening connection out to the subscriptions that name the image. Thread-safe.</summary>
public sealed class ImageStatusHub
{
    private readonly Lock _gate = new();
    private ImageStatusSubscription[] _subscriptions = [];

    public ImageStatusSubscription Subscribe(IReadOnlySet<Guid> ids)
    {
        var subscription = new ImageStatusSubscription(this, ids);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    public void Publish(ImageStatusEvent status)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if (subscription.Ids.Contains(status.Id))
            {
                subscription.Offer(status);
            }
        }
    }

    /// <summary>Tells every subscriber that notifications may have been missed (the listener reconnected).</summary>
    public void RequestResync()
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            subscription.Offer(null);
        }
    }

    internal void Remove(ImageStatusSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => s != subscription)];
        }
    }
}

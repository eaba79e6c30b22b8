using VisionAspire.Contracts;

namespace VisionAspire.Api.Images;

/// <summary>
/// Upload events this process stored the rows of but could not get confirmed by the broker (stopped, restarting,
/// confirm lost), kept until <see cref="UploadedImageSweeper"/> publishes them. Only this process knows which of its
/// "uploaded" rows were never published: a row merely waiting in a long queue looks the same in Postgres. At most
/// <see cref="Capacity"/> events are held; past that only the span of upload times of the events let go is kept
/// (<see cref="TakeOverflow"/>): their rows are the record, and the sweeper walks the "uploaded" rows of that span.
/// Thread-safe.
/// </summary>
public sealed class UnpublishedUploads(int capacity = UnpublishedUploads.DefaultCapacity)
{
    /// <summary>About 5 MB of events: a broker outage of ten minutes at 15 uploads/s.</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, ImageUploadedV1> _events = [];
    private readonly SemaphoreSlim _added = new(0, 1);
    private UploadSpan? _overflow;

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Whether nothing is waiting: no event held and no span let go.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_lock)
            {
                return _events.Count == 0 && _overflow is null;
            }
        }
    }

    /// <summary>Holds <paramref name="uploaded"/>, or past the capacity widens the span of let-go upload times to cover it.</summary>
    public void Add(ImageUploadedV1 uploaded)
    {
        lock (_lock)
        {
            if (_events.Count < capacity || _events.ContainsKey(uploaded.ImageId))
            {
                _events[uploaded.ImageId] = uploaded;
            }
            else
            {
                _overflow = UploadSpan.Cover(_overflow, uploaded.UploadedAt, uploaded.UploadedAt);
            }
        }

        if (_added.CurrentCount == 0)
        {
            try
            {
                _added.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another Add signalled first: one wake-up is enough.
            }
        }
    }

    /// <summary>The events waiting, oldest upload first.</summary>
    public IReadOnlyList<ImageUploadedV1> Snapshot()
    {
        lock (_lock)
        {
            return [.. _events.Values.OrderBy(e => e.UploadedAt)];
        }
    }

    public void Remove(Guid imageId)
    {
        lock (_lock)
        {
            _events.Remove(imageId);
        }
    }

    /// <summary>The span of upload times of the events let go past the capacity (null: none), handed over and forgotten.</summary>
    public UploadSpan? TakeOverflow()
    {
        lock (_lock)
        {
            var taken = _overflow;
            _overflow = null;
            return taken;
        }
    }

    /// <summary>Gives back the part of a taken span the sweeper did not get through, merged with any let go since.</summary>
    public void ReturnOverflow(UploadSpan rest)
    {
        lock (_lock)
        {
            _overflow = UploadSpan.Cover(_overflow, rest.From, rest.To);
        }
    }

    /// <summary>Waits until an event is added (true) or <paramref name="timeout"/> passes (false).</summary>
    public Task<bool> WaitForAddedAsync(TimeSpan timeout, CancellationToken ct) => _added.WaitAsync(timeout, ct);
}

/// <summary>Upload times from <see cref="From"/> to <see cref="To"/>, both included.</summary>
public sealed record UploadSpan(DateTimeOffset From, DateTimeOffset To)
{
    public static UploadSpan Cover(UploadSpan? span, DateTimeOffset from, DateTimeOffset to) =>
        span is null ? new UploadSpan(from, to) : new UploadSpan(Min(span.From, from), Max(span.To, to));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}

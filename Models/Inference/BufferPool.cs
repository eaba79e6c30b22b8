namespace VisionAspire.Models;

/// <summary>
/// A bounded stack of reusable per-call buffers, so steady-state inference allocates no large arrays (and touches
/// pages already mapped). Thread-safe. <see cref="Rent"/> lends an idle item (or a new one from the pool's factory) to
/// one caller until the <see cref="Lease"/> is disposed; the caller must not touch it, or anything read from it, afterwards.
/// At most <see cref="Capacity"/> idle items are kept (more are left to the GC), so memory stays bounded by the
/// peak number of concurrent calls, capped at <see cref="Capacity"/> after the peak. Items that own native memory
/// (<see cref="IDisposable"/>) are disposed when the pool drops them: beyond capacity, and when the pool is disposed.
/// </summary>
internal sealed class BufferPool<T> : IDisposable where T : class
{
    /// <summary>Twice the cores: concurrent CPU inference beyond that only queues, so more idle buffers are waste.</summary>
    public static int DefaultCapacity { get; } = Environment.ProcessorCount * 2;

    private readonly Lock _lock = new();
    private readonly Stack<T> _idle;
    private readonly Func<T>? _create;

    /// <param name="create">Makes an item when none is idle (needed by <see cref="Rent"/>).</param>
    /// <param name="capacity">Idle items kept at most; 0 = <see cref="DefaultCapacity"/>.</param>
    public BufferPool(Func<T>? create = null, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _create = create;
        Capacity = capacity == 0 ? DefaultCapacity : capacity;
        _idle = new Stack<T>(Capacity);
    }

    public int Capacity { get; }

    public int IdleCount
    {
        get
        {
            lock (_lock)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>An idle item, or a new one from the factory, lent until the lease is disposed.</summary>
    public Lease Rent() =>
        Lend(TryRent() ?? (_create ?? throw new InvalidOperationException("This pool has no factory; rent with TryRent."))());

    /// <summary>Lends <paramref name="item"/> (taken with <see cref="TryRent"/> or made by the caller) until the lease is disposed.</summary>
    public Lease Lend(T item) => new(this, item);

    /// <summary>The most recently returned item (its memory is the likeliest to be cached); null when none is idle.</summary>
    public T? TryRent()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var item) ? item : null;
        }
    }

    public void Return(T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            if (_idle.Count < Capacity)
            {
                _idle.Push(item);
                return;
            }
        }
        (item as IDisposable)?.Dispose();
    }

    /// <summary>Disposes the idle items; call once no lease is out.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            while (_idle.TryPop(out var item))
            {
                (item as IDisposable)?.Dispose();
            }
        }
    }

    /// <summary>One item lent to one caller; disposing it gives the item back to its pool.</summary>
    public readonly struct Lease(BufferPool<T> pool, T item) : IDisposable
    {
        public T Item { get; } = item;

        public void Dispose() => pool.Return(Item);
    }
}

namespace VisionAspire.Models;

/// <summary>
/// A bounded stack of reusable per-call buffers, so steady-state inference allocates no large arrays (and touches
/// pages already mapped). Thread-safe. <see cref="TryRent"/> hands an item to one caller only (callers make a new
/// one when it returns null); that caller gives it
/// back with <see cref="Return"/> in a finally block and must not touch it, or anything read from it, afterwards.
/// At most <see cref="Capacity"/> idle items are kept (more are left to the GC), so memory stays bounded by the
/// peak number of concurrent calls, capped at <see cref="Capacity"/> after the peak.
/// </summary>
internal sealed class BufferPool<T> where T : class
{
    /// <summary>Twice the cores: concurrent CPU inference beyond that only queues, so more idle buffers are waste.</summary>
    public static int DefaultCapacity { get; } = Environment.ProcessorCount * 2;

    private readonly Lock _lock = new();
    private readonly Stack<T> _idle;

    public BufferPool(int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
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
            }
        }
    }
}

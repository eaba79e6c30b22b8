namespace VisionAspire.Models.Registry;

/// <summary>
/// Holds the loaded instance of one model and lets it be replaced while runs are in flight: <see cref="Acquire"/>
/// leases the current instance, <see cref="Swap"/> installs a new one atomically (later leases get it), and a replaced
/// instance is disposed when its last lease ends, never under a running call. Thread-safe.
/// </summary>
public sealed class ModelSlot<T> : IDisposable where T : class, IDisposable
{
    private Counted? _current;

    public ModelSlot(T initial) => _current = new Counted(initial);

    /// <summary>The instance new leases get (for inspection; run through <see cref="Acquire"/>).</summary>
    public T Current => (Volatile.Read(ref _current) ?? throw new ObjectDisposedException(nameof(ModelSlot<T>))).Instance;

    /// <summary>Leases the current instance until the lease is disposed.</summary>
    public ModelLease<T> Acquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _current) ?? throw new ObjectDisposedException(nameof(ModelSlot<T>));
            if (current.TryAddLease())
            {
                return new ModelLease<T>(current);
            }
            // That instance was swapped out and drained between the read and the lease: the slot holds a newer one.
        }
    }

    /// <summary>Installs <paramref name="next"/>; the instance it replaces is disposed once no lease holds it.</summary>
    public void Swap(T next)
    {
        var replaced = Interlocked.Exchange(ref _current, new Counted(next));
        if (replaced is null)
        {
            // Disposed meanwhile: nobody can lease the new instance, so it goes too.
            Interlocked.Exchange(ref _current, null)?.Release();
            throw new ObjectDisposedException(nameof(ModelSlot<T>));
        }
        replaced.Release();
    }

    /// <summary>Stops leasing; the current instance is disposed once no lease holds it.</summary>
    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();

    /// <summary>An instance and its references: the slot's own (while current) plus one per open lease.</summary>
    internal sealed class Counted(T instance)
    {
        private int _references = 1;

        public T Instance { get; } = instance;

        public bool TryAddLease()
        {
            var seen = Volatile.Read(ref _references);
            while (seen > 0)
            {
                var before = Interlocked.CompareExchange(ref _references, seen + 1, seen);
                if (before == seen)
                {
                    return true;
                }
                seen = before;
            }
            return false;
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) == 0)
            {
                Instance.Dispose();
            }
        }
    }
}

namespace VisionAspire.Models.Registry;

/// <summary>One caller's hold on a model instance (<see cref="ModelSlot{T}.Acquire"/>); dispose it when the run ends.</summary>
public sealed class ModelLease<T> : IDisposable where T : class, IDisposable
{
    private ModelSlot<T>.Counted? _held;

    internal ModelLease(ModelSlot<T>.Counted held)
    {
        _held = held;
        Model = held.Instance;
    }

    /// <summary>The leased instance; valid until the lease is disposed.</summary>
    public T Model { get; }

    public void Dispose() => Interlocked.Exchange(ref _held, null)?.Release();
}

namespace VisionAspire.Shared;

/// <summary>
/// Caps how many CPU-heavy sections (decoding, model runs) of this process run at once, apart from how many
/// messages are in flight: messages still overlap their database, Redis and broker waits, while the number of
/// model runs time-slicing the cores (and the run buffers and decoded images they hold) stays bounded. On the
/// 2-core benchmark machine one slot per process measured the same as two, within noise (BENCHMARKS.md); the
/// gate matters where I/O concurrency is raised well above the core count. Thread-safe.
/// </summary>
public sealed class ComputeGate : IDisposable
{
    private readonly SemaphoreSlim _slots;

    public ComputeGate(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _slots = new SemaphoreSlim(slots, slots);
    }

    public int Slots { get; }

    /// <summary>Runs <paramref name="work"/> once a slot is free; waiting (not the work) can be cancelled.</summary>
    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}

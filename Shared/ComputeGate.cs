namespace VisionAspire.Shared;

/// <summary>
/// Caps how many CPU-heavy sections (decoding, model runs) of this process run at once, apart from how many
/// messages are in flight. Messages still overlap their database, Redis and broker waits, but the cores are not
/// time-sliced between more model runs than they can hold in cache: on 2 cores, ten concurrent runs across the
/// Preprocessor and two worker replicas made each ONNX Runtime run ~25 % slower than the same runs two at a time
/// (BENCHMARKS.md). Thread-safe.
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

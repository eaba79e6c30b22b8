namespace VisionAspire.Operations;

/// <summary>A processing run took longer than <see cref="OperationLimits.TimeoutSeconds"/>.</summary>
public sealed class ProcessingTimeoutException(TimeSpan timeout)
    : Exception($"Processing did not finish within {timeout.TotalSeconds:0.###} s.")
{
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>
/// Runs blocking libvips work on a thread-pool thread, at most <see cref="OperationLimits.MaxConcurrentOperations"/>
/// at once, and waits for it with the timeout and the caller's token. On timeout the caller gets
/// <see cref="ProcessingTimeoutException"/> at once and is free; the abandoned libvips call cannot be interrupted
/// (VipsImage exposes no kill switch), so it runs to its end on its thread and only then frees its slot. The
/// input-pixel, output-size and parameter limits bound how long that can be. Thread-safe.
/// </summary>
public sealed class ProcessingRunner(OperationLimits limits)
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentOperations, limits.MaxConcurrentOperations);

    public TimeSpan Timeout => limits.Timeout;

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        if (!await _slots.WaitAsync(Timeout, ct))
        {
            throw new ProcessingTimeoutException(Timeout);
        }

        Task<T> running;
        try
        {
            running = Task.Run(() =>
            {
                try
                {
                    return work();
                }
                finally
                {
                    _slots.Release();
                }
            }, CancellationToken.None);
        }
        catch
        {
            _slots.Release();
            throw;
        }

        var remaining = Timeout - TimeProvider.System.GetElapsedTime(started);
        try
        {
            return await running.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, ct);
        }
        catch (TimeoutException)
        {
            _ = running.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new ProcessingTimeoutException(Timeout);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _ = running.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw;
        }
    }
}

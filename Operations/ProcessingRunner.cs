using VisionAspire.Imaging;

namespace VisionAspire.Operations;

/// <summary>A processing run took longer than <see cref="OperationLimits.TimeoutSeconds"/>.</summary>
public sealed class ProcessingTimeoutException(TimeSpan timeout)
    : Exception($"Processing did not finish within {timeout.TotalSeconds:0.###} s.")
{
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>
/// Runs blocking libvips work on threads of its own (<see cref="OperationLimits.MaxConcurrentOperations"/> at most,
/// started as needed and reused), at most that many runs at once, and waits for it with the timeout and the
/// caller's token. On timeout the caller gets
/// <see cref="ProcessingTimeoutException"/> at once. Work that takes the runner's token (pass it to
/// <see cref="ImageProcessor.Process"/>) is killed at the same moment, so its thread and slot come back within a
/// tile or so; work that ignores it runs to its end and only then frees its slot. Thread-safe.
/// </summary>
public sealed class ProcessingRunner(OperationLimits limits)
{
    private readonly SemaphoreSlim _slots = new(limits.MaxConcurrentOperations, limits.MaxConcurrentOperations);
    private readonly ProcessingThreads _threads = new(limits.MaxConcurrentOperations);

    public TimeSpan Timeout => limits.Timeout;

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken ct) => RunAsync(_ => work(), ct);

    /// <summary>Runs <paramref name="work"/> with a token cancelled on the timeout or with <paramref name="ct"/>.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        if (!await _slots.WaitAsync(Timeout, ct))
        {
            throw new ProcessingTimeoutException(Timeout);
        }

        var remaining = Timeout - TimeProvider.System.GetElapsedTime(started);
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }

        Task<T> running;
        CancellationToken stopping;
        var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            stop.CancelAfter(remaining);
            stopping = stop.Token;
            var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            running = completion.Task;
            // Threads of its own: blocking pool threads for seconds of libvips work on a busy machine starves the
            // pool, and with it the timers that fire the timeout and the kill. Every run holds a slot until its
            // work ends, so there are never more runs to execute than threads.
            _threads.Post(() =>
            {
                var result = default(T);
                Exception? error = null;
                try
                {
                    result = work(stopping);
                }
                catch (Exception e)
                {
                    error = e;
                }
                finally
                {
                    stop.Dispose();
                    _slots.Release();
                }

                // Completed once the slot is back, so a caller that resumes can start its next run at once.
                if (error is null)
                {
                    completion.SetResult(result!);
                }
                else
                {
                    completion.SetException(error);
                }
            });
        }
        catch
        {
            stop.Dispose();
            _slots.Release();
            throw;
        }

        try
        {
            return await running.WaitAsync(remaining, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested
            && (e is TimeoutException || (e is ImageProcessingCancelledException && stopping.IsCancellationRequested)))
        {
            // The work, killed by the same deadline, may fault a moment before the wait times out: both are the timeout.
            Observe(running);
            throw new ProcessingTimeoutException(Timeout);
        }
        catch (Exception e) when (e is OperationCanceledException or ImageProcessingCancelledException && ct.IsCancellationRequested)
        {
            Observe(running);
            throw new OperationCanceledException(ct);
        }
    }

    private static void Observe(Task running) =>
        _ = running.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
}

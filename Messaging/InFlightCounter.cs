namespace VisionAspire.Messaging;

/// <summary>Counts running handlers so a graceful stop can wait for them. Thread-safe.</summary>
internal sealed class InFlightCounter
{
    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource? _idle;

    public void Enter()
    {
        lock (_gate)
        {
            _count++;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (--_count == 0 && _idle is not null)
            {
                _idle.TrySetResult();
                _idle = null;
            }
        }
    }

    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}

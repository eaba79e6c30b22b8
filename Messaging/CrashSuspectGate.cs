namespace VisionAspire.Messaging;

/// <summary>
/// Keeps a crash suspect (a delivery that came back unacknowledged before: its consumer's process may have died on
/// it) from running beside anything else in the process. Ordinary handlers share the gate; a suspect takes it alone,
/// once the running handlers are done and before new ones start, so a poison message kills no handler but its own
/// (messages merely held by the process come back once and run normally from quarantine). One per
/// <see cref="BrokerConnection"/>, the process's connection: a crash takes the whole process.
/// </summary>
internal sealed class CrashSuspectGate
{
    private readonly Lock _lock = new();
    private int _shared;
    private bool _exclusive;
    private int _exclusiveWaiting;
    private TaskCompletionSource _released = NewSignal();

    public async Task<IDisposable> EnterAsync(bool exclusive, CancellationToken ct)
    {
        var counted = false;
        try
        {
            while (true)
            {
                Task released;
                lock (_lock)
                {
                    if (exclusive && !_exclusive && _shared == 0)
                    {
                        _exclusive = true;
                        return new Lease(this, exclusive: true);
                    }

                    if (!exclusive && !_exclusive && _exclusiveWaiting == 0)
                    {
                        _shared++;
                        return new Lease(this, exclusive: false);
                    }

                    if (exclusive && !counted)
                    {
                        _exclusiveWaiting++;
                        counted = true;
                    }

                    released = _released.Task;
                }

                await released.WaitAsync(ct);
            }
        }
        finally
        {
            if (counted)
            {
                lock (_lock)
                {
                    _exclusiveWaiting--;
                    Signal();
                }
            }
        }
    }

    private void Exit(bool exclusive)
    {
        lock (_lock)
        {
            if (exclusive)
            {
                _exclusive = false;
            }
            else
            {
                _shared--;
            }

            Signal();
        }
    }

    private void Signal()
    {
        var released = _released;
        _released = NewSignal();
        released.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Lease(CrashSuspectGate gate, bool exclusive) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Exit(exclusive);
            }
        }
    }
}

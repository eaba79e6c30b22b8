namespace VisionAspire.Operations;

/// <summary>
/// Up to a fixed number of background threads that execute posted work in order, started the first time that many
/// items are in flight and then kept: a new thread per run cost its creation, its stack and a fresh malloc arena
/// cache each time. The caller keeps the items in flight at or below the thread count (the runner's slots), so an
/// item never waits for a thread. Thread-safe.
/// </summary>
internal sealed class ProcessingThreads(int maxThreads)
{
    private readonly Queue<Action> _queue = new();
    private int _threads;
    private int _inFlight;

    public void Post(Action work)
    {
        lock (_queue)
        {
            _queue.Enqueue(work);
            _inFlight++;
            if (_inFlight > _threads && _threads < maxThreads)
            {
                _threads++;
                new Thread(Execute) { IsBackground = true, Name = "processing" }.Start();
            }
            else
            {
                Monitor.Pulse(_queue);
            }
        }
    }

    private void Execute()
    {
        while (true)
        {
            Action work;
            lock (_queue)
            {
                while (_queue.Count == 0)
                {
                    Monitor.Wait(_queue);
                }

                work = _queue.Dequeue();
            }

            try
            {
                work();
            }
            finally
            {
                lock (_queue)
                {
                    _inFlight--;
                }
            }
        }
    }
}

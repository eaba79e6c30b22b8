namespace VisionAspire.Hosting.Processes;

/// <summary>The last N lines written to it. Thread-safe.</summary>
public sealed class LogTail(int capacity)
{
    private readonly Queue<string> _lines = new(capacity);

    public void Add(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == capacity)
            {
                _lines.Dequeue();
            }
            _lines.Enqueue(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }
}

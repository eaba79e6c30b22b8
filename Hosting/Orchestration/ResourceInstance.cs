using VisionAspire.Hosting.Processes;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>One supervised instance of a resource: its state, the process it runs now, and its recent log lines. Thread-safe.</summary>
internal sealed class ResourceInstance
{
    private readonly Lock _gate = new();
    private readonly ResourceNotificationService _notifications;
    private readonly Action<string, string>? _echo;
    private ResourceSnapshot _snapshot;

    public ResourceInstance(
        string name, string resourceName, string resourceType, IReadOnlyList<string> endpoints, int logLines,
        ResourceNotificationService notifications, Action<string, string>? echo)
    {
        _notifications = notifications;
        _echo = echo;
        Logs = new LogTail(logLines);
        _snapshot = new ResourceSnapshot(name, resourceName, resourceType, ResourceState.NotStarted, HealthStatus.Unknown,
            null, 0, null, endpoints, null);
        notifications.Publish(_snapshot);
    }

    public string Name => _snapshot.Name;

    public LogTail Logs { get; }

    public ResourceSnapshot Snapshot
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>The process running now; null between runs.</summary>
    public IRunningProcess? Current { get; set; }

    public void Log(string line)
    {
        Logs.Add(line);
        _echo?.Invoke(Name, line);
    }

    public void Update(Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        ResourceSnapshot updated;
        lock (_gate)
        {
            updated = _snapshot = change(_snapshot);
        }
        _notifications.Publish(updated);
    }
}

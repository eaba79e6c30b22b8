namespace VisionAspire.Hosting;

/// <summary>Lifecycle states, named as in Aspire's dashboard.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    RuntimeUnhealthy,
    FailedToStart,
    Stopping,
    Exited,
    Finished,
}

public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}

/// <summary>One instance (replica) of a resource at one moment. Immutable.</summary>
/// <param name="Name">Instance name: the resource name, or "name-N" for replica N of a replicated resource.</param>
public sealed record ResourceSnapshot(
    string Name,
    string ResourceName,
    string ResourceType,
    ResourceState State,
    HealthStatus Health,
    int? ProcessId,
    int Restarts,
    int? ExitCode,
    IReadOnlyList<string> Endpoints,
    string? Error);

using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting.Orchestration;

/// <summary>Run-time facts about one resource: its instances, ports and (once known) connection string. Thread-safe.</summary>
internal sealed class ResourceRuntime(IResource resource)
{
    public IResource Resource { get; } = resource;

    public List<ResourceInstance> Instances { get; } = [];

    /// <summary>Port per (replica, endpoint name); fixed for the whole run so restarts keep their URLs.</summary>
    public Dictionary<(int Replica, string Endpoint), int> Ports { get; } = [];

    public TaskCompletionSource<string> ConnectionString { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IEnumerable<IResource> Dependencies => Resource switch
    {
        ExecutableResource executable => executable.WaitsFor.Concat(executable.References),
        PostgresDatabaseResource database => [database.Parent],
        _ => [],
    };
}

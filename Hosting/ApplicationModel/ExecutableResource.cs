namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>Any executable run as a supervised child process (executable.v0; aspirate skips these, so nothing deployable uses one).</summary>
public class ExecutableResource(string name, string command, string workingDirectory, IReadOnlyList<string> args)
    : IResourceWithWaitSupport
{
    public string Name { get; } = name;

    public string Command { get; } = command;

    public string WorkingDirectory { get; } = workingDirectory;

    public IReadOnlyList<string> Args { get; } = args;

    public List<EndpointAnnotation> Endpoints { get; } = [];

    /// <summary>Extra environment, in manifest expressions ("{cache.connectionString}") or literals.</summary>
    public List<KeyValuePair<string, string>> Environment { get; } = [];

    /// <summary>Resources whose connection string or URL this one receives.</summary>
    public List<IResource> References { get; } = [];

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public List<IResource> WaitsFor { get; } = [];

    public int Replicas { get; set; } = 1;

    /// <summary>Path answering 200 when healthy, probed on the "http" endpoint; null: running means healthy.</summary>
    public string? HealthCheckPath { get; set; }
}

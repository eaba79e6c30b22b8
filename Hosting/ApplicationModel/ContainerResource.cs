namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>
/// A server that deploys as a container (container.v0) and runs locally as a native process started by the
/// orchestrator. Subclasses describe both sides.
/// </summary>
public abstract class ContainerResource(string name) : IResourceWithConnectionString, IResourceWithWaitSupport
{
    public string Name { get; } = name;

    public abstract string Image { get; }

    public virtual string? Entrypoint => null;

    public virtual IReadOnlyList<string> Args => [];

    public List<EndpointAnnotation> Endpoints { get; } = [];

    /// <summary>Environment of the container in manifest expressions.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, string>> ContainerEnvironment { get; }

    /// <summary>Parameters the container's connection string or environment refer to.</summary>
    public abstract IReadOnlyList<ParameterResource> Parameters { get; }

    public abstract string ConnectionStringExpression { get; }

    /// <summary>Named volume mounted at the data path (a StatefulSet for aspirate); null when the data is not kept.</summary>
    public VolumeMount? DataVolume { get; set; }

    /// <summary>Folder inside the container where the server keeps its data.</summary>
    public abstract string DataPath { get; }

    public EndpointAnnotation PrimaryEndpoint => Endpoints[0];
}

public sealed record VolumeMount(string Name, string Target, bool ReadOnly);

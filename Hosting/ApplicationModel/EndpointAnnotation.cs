namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>A network endpoint of a resource (a manifest binding).</summary>
public sealed class EndpointAnnotation(string name, string scheme, string transport, int? port, int? targetPort)
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    /// <summary>"tcp" or "http".</summary>
    public string Transport { get; } = transport;

    /// <summary>Fixed host port in run mode; null picks a free one.</summary>
    public int? Port { get; set; } = port;

    /// <summary>The port inside the container or pod.</summary>
    public int? TargetPort { get; } = targetPort;

    public bool IsExternal { get; set; }
}

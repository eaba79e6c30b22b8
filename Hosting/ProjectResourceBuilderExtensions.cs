using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting;

/// <summary>AddProject, AddExecutable and the fluent methods that wire them to other resources.</summary>
public static class ProjectResourceBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(name, new TProject()));

    /// <summary>Any executable, supervised like a project (used by tests; it does not deploy).</summary>
    public static IResourceBuilder<ExecutableResource> AddExecutable(
        this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params string[] args) =>
        builder.AddResource(new ExecutableResource(name, command, workingDirectory, args));

    /// <summary>An http endpoint; locally on <paramref name="port"/> or a free port, and its /health is what WaitFor waits for.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string name = "http")
        where T : ExecutableResource
    {
        builder.Resource.Endpoints.Add(new EndpointAnnotation(name, "http", "http", port, targetPort));
        builder.Resource.HealthCheckPath ??= "/health";
        return builder;
    }

    /// <summary>Marks every http endpoint as reachable from outside the cluster (an Ingress for aspirate).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : ExecutableResource
    {
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.Scheme == "http"))
        {
            endpoint.IsExternal = true;
        }
        return builder;
    }

    /// <summary>Which path answers 200 when the resource is healthy (default /health once it has an http endpoint).</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health")
        where T : ExecutableResource
    {
        builder.Resource.HealthCheckPath = path;
        return builder;
    }

    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas) where T : ExecutableResource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : ExecutableResource
    {
        builder.Resource.Environment.Add(new(name, value));
        return builder;
    }

    /// <summary>
    /// Gives the resource the other's connection string (ConnectionStrings__name) or, for a project or executable
    /// with an http endpoint, its URL (services__name__http__0).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> source)
        where T : ExecutableResource
    {
        if (source.Resource is not IResourceWithConnectionString and not ExecutableResource)
        {
            throw new ArgumentException($"'{source.Resource.Name}' has neither a connection string nor endpoints.", nameof(source));
        }
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy (servers: accepting clients; projects: /health 200).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithWaitSupport> dependency)
        where T : ExecutableResource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }
}

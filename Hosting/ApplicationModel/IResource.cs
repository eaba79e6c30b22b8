namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource other resources can reference by its connection string (ConnectionStrings__name).</summary>
public interface IResourceWithConnectionString : IResource
{
    /// <summary>The connection string as a manifest expression, e.g. "{cache.bindings.tcp.host}:{cache.bindings.tcp.port},...".</summary>
    string ConnectionStringExpression { get; }
}

/// <summary>A resource that can be waited for: another resource starts only once it is healthy.</summary>
public interface IResourceWithWaitSupport : IResource;

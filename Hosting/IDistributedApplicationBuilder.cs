using Microsoft.Extensions.Configuration;
using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting;

/// <summary>Collects the resources of the application, then builds it. Not thread-safe (used from Program.cs).</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>Environment variables and command-line arguments (e.g. ConnectionStrings:storage, Parameters:name).</summary>
    IConfigurationManager Configuration { get; }

    DistributedApplicationOptions Options { get; }

    /// <summary>Resources in the order they were added.</summary>
    IReadOnlyList<IResource> Resources { get; }

    /// <summary>True when the run writes a manifest instead of starting anything.</summary>
    bool IsPublishMode { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A resource created on behalf of another (a generated password): in the model, but not added by name.</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}

using Microsoft.Extensions.Configuration;
using VisionAspire.Hosting.ApplicationModel;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];
    private readonly List<IResource> _implicitResources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(options.ConfigurationArgs);
        Configuration = configuration;
    }

    public IConfigurationManager Configuration { get; }

    public DistributedApplicationOptions Options { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public bool IsPublishMode => Options.IsPublishMode;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Concat(_implicitResources).Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource
    {
        _implicitResources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        DistributedApplicationEntryPointHook.OnBuilding(this);
        return BuildApplication();
    }

    /// <summary>Builds without consulting the testing hook (the testing builder's own Build).</summary>
    internal DistributedApplication BuildApplication() =>
        new(new DistributedApplicationModel([.. _resources], [.. _implicitResources]), Options, (IConfiguration)Configuration);
}

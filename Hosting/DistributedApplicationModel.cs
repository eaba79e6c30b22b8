using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting;

/// <summary>The resources of a built application: those added by name, then those created on their behalf. Immutable.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources, IReadOnlyList<IResource> implicitResources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IReadOnlyList<IResource> ImplicitResources { get; } = implicitResources;

    public IResource Find(string name) =>
        Resources.Concat(ImplicitResources).FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No resource named '{name}'.", nameof(name));
}

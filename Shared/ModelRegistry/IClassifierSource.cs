using VisionAspire.Models.Registry;

namespace VisionAspire.Shared.ModelRegistry;

/// <summary>Where the classify task gets its classifier by model id (<see cref="ClassifierRegistry"/> in the services).</summary>
public interface IClassifierSource
{
    /// <summary>Leases the model's active version, loading it first if needed.</summary>
    /// <exception cref="UnknownModelException">No classifier has that id.</exception>
    Task<ModelLease<IImageClassifier>> AcquireAsync(string modelId, CancellationToken ct);

    /// <summary>Leases the active version of a model already loaded (by <see cref="AcquireAsync"/>), without I/O.</summary>
    ModelLease<IImageClassifier> AcquireLoaded(string modelId);
}

using VisionAspire.Models;
using VisionAspire.Models.Registry;
using VisionAspire.Shared.ModelRegistry;

namespace VisionAspire.E2E;

/// <summary>The catalogued SqueezeNet as the only classifier: the in-process pipeline has no registry database.</summary>
public sealed class CatalogClassifier(ImageClassifier classifier) : IClassifierSource, IDisposable
{
    private readonly ModelSlot<IImageClassifier> _slot = new(classifier);

    public Task<ModelLease<IImageClassifier>> AcquireAsync(string modelId, CancellationToken ct) => Task.FromResult(AcquireLoaded(modelId));

    public ModelLease<IImageClassifier> AcquireLoaded(string modelId) =>
        modelId == classifier.ModelId ? _slot.Acquire() : throw new UnknownModelException(modelId, "is not the catalogued classifier");

    public void Dispose() => _slot.Dispose();
}

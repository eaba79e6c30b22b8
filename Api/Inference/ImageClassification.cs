using System.Diagnostics;
using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Models.Registry;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

/// <summary>
/// The classify path of POST /classify and POST /predict: a registered classifier (the built-in SqueezeNet unless asked
/// otherwise) on the objects' working copy (at most 640 px a side), and, for SqueezeNet, the CIFAR-10 class the
/// workers derive from the top 5. Call it on the operation runner, holding the classifier's lease.
/// </summary>
public static class ImageClassification
{
    /// <summary>The workers map the top 5 to CIFAR-10; so does this, whatever <c>top</c> asks for.</summary>
    public const int Cifar10Basis = 5;

    /// <summary>
    /// The model that ran, the ranked classes (at least <see cref="Cifar10Basis"/>), the CIFAR-10 label (SqueezeNet's
    /// ImageNet classes only; null for other classifiers), the model run's own time, and the image's upright size.
    /// </summary>
    public sealed record Result(
        string ModelId, string ModelVersion, IReadOnlyList<Classification> Ranked, ImageNetToCifar10.Cifar10Label? Cifar10, double ModelMs,
        int Width, int Height);

    public static Result Run(SourceImage source, OperationLimits limits, IImageClassifier classifier, int top)
    {
        var copy = new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }).At(WorkingImage.ObjectSize);
        var clock = Stopwatch.StartNew();
        var ranked = AiModels.Run(classifier.ModelId, classifier.ModelVersion, () => classifier.Classify(copy.Pixels, Math.Max(top, Cifar10Basis)));
        var modelMs = clock.Elapsed.TotalMilliseconds;
        var cifar10 = classifier.ModelId == ImageClassifier.DefaultModelId ? ImageNetToCifar10.Map([.. ranked.Take(Cifar10Basis)]) : null;
        return new Result(classifier.ModelId, classifier.ModelVersion, ranked, cifar10, modelMs, copy.OriginalWidth, copy.OriginalHeight);
    }
}

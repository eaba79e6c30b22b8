using System.Diagnostics;
using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.Inference;

/// <summary>
/// The classify path of POST /classify and POST /predict: SqueezeNet on the objects' working copy (at most 640 px a
/// side), and the CIFAR-10 class the workers derive from the top 5. Call it on the operation runner.
/// </summary>
public static class ImageClassification
{
    /// <summary>The workers map the top 5 to CIFAR-10; so does this, whatever <c>top</c> asks for.</summary>
    public const int Cifar10Basis = 5;

    /// <summary>
    /// The ranked ImageNet classes (at least <see cref="Cifar10Basis"/>), the CIFAR-10 label, the model run's own time,
    /// and the image's upright size.
    /// </summary>
    public sealed record Result(
        ModelEntry Model, IReadOnlyList<Classification> Ranked, ImageNetToCifar10.Cifar10Label Cifar10, double ModelMs, int Width, int Height);

    public static Result Run(SourceImage source, OperationLimits limits, AiModels models, int top)
    {
        var copy = new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }).At(WorkingImage.ObjectSize);
        var classifier = models.Classifier;
        var clock = Stopwatch.StartNew();
        var ranked = models.Run(classifier.Model, () => classifier.Classify(copy.Pixels, Math.Max(top, Cifar10Basis)));
        var modelMs = clock.Elapsed.TotalMilliseconds;
        return new Result(classifier.Model, ranked, ImageNetToCifar10.Map([.. ranked.Take(Cifar10Basis)]), modelMs,
            copy.OriginalWidth, copy.OriginalHeight);
    }
}

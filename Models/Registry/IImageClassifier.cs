using VisionAspire.Imaging;

namespace VisionAspire.Models.Registry;

/// <summary>An image classifier of one model version: the catalogued SqueezeNet or an uploaded model. Thread-safe.</summary>
public interface IImageClassifier : IDisposable
{
    string ModelId { get; }

    string ModelVersion { get; }

    /// <summary>The <paramref name="topK"/> most probable classes, most probable first.</summary>
    IReadOnlyList<Classification> Classify(PixelBuffer rgb, int topK = 5);
}

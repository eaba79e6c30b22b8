using VisionAspire.Imaging;

namespace VisionAspire.Models;

/// <summary>Finds faces; boxes are in original-image pixels. Implementations are thread-safe.</summary>
public interface IFaceDetector : IDisposable
{
    ModelEntry Model { get; }

    IReadOnlyList<FaceDetection> Detect(PixelBuffer rgb);
}

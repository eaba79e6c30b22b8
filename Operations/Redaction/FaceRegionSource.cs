using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Redaction;

/// <summary>
/// Faces to blur: a face detector on the <see cref="WorkingImage.FaceSize"/> working copy, each box widened by
/// <see cref="Margin"/> of its size on every side so hairline, ears and chin go too. Thread-safe when
/// <paramref name="detect"/> is.
/// </summary>
public sealed class FaceRegionSource(Func<PixelBuffer, IReadOnlyList<FaceDetection>> detect) : IBlurRegionSource
{
    public const string Name = "faces";
    public const float Margin = 0.15f;

    public string Target => Name;

    public IReadOnlyList<BlurRegion> Locate(WorkingImage image)
    {
        var copy = image.At(WorkingImage.FaceSize);
        return detect(copy.Pixels)
            .Select(face => new BlurRegion(
                Target, RegionMargin.Widen(copy.ToOriginal(face.Box), Margin, copy.OriginalWidth, copy.OriginalHeight), face.Score))
            .Where(region => region.Region.Width > 0 && region.Region.Height > 0)
            .ToList();
    }
}

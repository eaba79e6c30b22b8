using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Redaction;

/// <summary>
/// Regions to blur from a detector run on one working copy of the image (at most <paramref name="workingSize"/> a
/// side), each detection's box mapped back to original pixels and widened by <paramref name="margin"/> of its size on
/// every side. Thread-safe when <paramref name="detect"/> is.
/// </summary>
public sealed class DetectedRegionSource(
    string target, int workingSize, float margin, Func<PixelBuffer, IEnumerable<(Box Box, float Score)>> detect) : IBlurRegionSource
{
    public const string FacesTarget = "faces";
    public const string PlatesTarget = "plates";

    /// <summary>Faces, widened by 15 % a side so hairline, ears and chin go too.</summary>
    public static DetectedRegionSource Faces(Func<PixelBuffer, IReadOnlyList<FaceDetection>> detect) =>
        new(FacesTarget, WorkingImage.FaceSize, 0.15f, pixels => detect(pixels).Select(face => (face.Box, face.Score)));

    /// <summary>
    /// Licence plates (e.g. from <see cref="PlateLocator"/>) on the large text copy, widened by 10 % a side: the
    /// locator's box holds the characters, the plate's frame and edge lie just outside it.
    /// </summary>
    public static DetectedRegionSource Plates(Func<PixelBuffer, IReadOnlyList<PlateRegion>> locate) =>
        new(PlatesTarget, WorkingImage.TextSize, 0.1f, pixels => locate(pixels).Select(plate => (plate.Box, plate.Score)));

    public string Target => target;

    public IReadOnlyList<BlurRegion> Locate(WorkingImage image)
    {
        var copy = image.At(workingSize);
        return detect(copy.Pixels)
            .Select(found => new BlurRegion(
                Target, RegionMargin.Widen(copy.ToOriginal(found.Box), margin, copy.OriginalWidth, copy.OriginalHeight), found.Score))
            .Where(region => region.Region.Width > 0 && region.Region.Height > 0)
            .ToList();
    }
}

using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Redaction;

/// <summary>
/// Licence plates to blur: a plate locator (e.g. <see cref="PlateLocator"/>) on the <see cref="WorkingImage.TextSize"/>
/// working copy, each plate's box widened by <see cref="Margin"/> of its size on every side: the locator's box holds
/// the characters, the plate's frame and edge lie just outside it. Thread-safe when <paramref name="locate"/> is.
/// </summary>
public sealed class PlateRegionSource(Func<PixelBuffer, IReadOnlyList<PlateRegion>> locate) : IBlurRegionSource
{
    public const string Name = "plates";
    public const float Margin = 0.1f;

    public string Target => Name;

    public IReadOnlyList<BlurRegion> Locate(WorkingImage image)
    {
        var copy = image.At(WorkingImage.TextSize);
        return locate(copy.Pixels)
            .Select(plate => new BlurRegion(
                Target, RegionMargin.Widen(copy.ToOriginal(plate.Box), Margin, copy.OriginalWidth, copy.OriginalHeight), plate.Score))
            .Where(region => region.Region.Width > 0 && region.Region.Height > 0)
            .ToList();
    }
}

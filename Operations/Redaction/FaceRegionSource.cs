using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
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
            .Select(face => new BlurRegion(Target, Widen(copy.ToOriginal(face.Box), copy.OriginalWidth, copy.OriginalHeight), face.Score))
            .Where(region => region.Region.Width > 0 && region.Region.Height > 0)
            .ToList();
    }

    /// <summary>The box plus the margin, in whole pixels, clamped to the image.</summary>
    private static CropRegion Widen(Box box, int width, int height)
    {
        var (dx, dy) = (box.Width * Margin, box.Height * Margin);
        var left = Math.Clamp((int)MathF.Floor(box.X - dx), 0, width);
        var top = Math.Clamp((int)MathF.Floor(box.Y - dy), 0, height);
        var right = Math.Clamp((int)MathF.Ceiling(box.X + box.Width + dx), left, width);
        var bottom = Math.Clamp((int)MathF.Ceiling(box.Y + box.Height + dy), top, height);
        return new CropRegion(left, top, right - left, bottom - top);
    }
}

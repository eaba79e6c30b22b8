using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;
using VisionAspire.Models;

namespace VisionAspire.Operations;

/// <summary>
/// Face regions from an <see cref="IFaceDetector"/> (UltraFace by default), detected on a copy at most
/// <see cref="DetectionSize"/> px on its longer side and scaled back. The model loads on first use. Thread-safe.
/// </summary>
public sealed class ModelFaceLocator(Func<IFaceDetector> createDetector) : IFaceLocator
{
    public const int DetectionSize = 1280;

    private readonly Lazy<IFaceDetector> _detector = new(createDetector, LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<CropRegion> Locate(VipsImage image)
    {
        using var small = image.Thumbnail(DetectionSize, DetectionSize);
        var scaleX = (double)image.Width / small.Width;
        var scaleY = (double)image.Height / small.Height;
        return _detector.Value.Detect(small.ToPixels())
            .Select(face => ToRegion(face.Box, scaleX, scaleY, image.Width, image.Height))
            .Where(region => region.Width > 0 && region.Height > 0)
            .ToList();
    }

    private static CropRegion ToRegion(Box box, double scaleX, double scaleY, int width, int height)
    {
        var left = Math.Clamp((int)Math.Floor(box.X * scaleX), 0, width);
        var top = Math.Clamp((int)Math.Floor(box.Y * scaleY), 0, height);
        var right = Math.Clamp((int)Math.Ceiling((box.X + box.Width) * scaleX), 0, width);
        var bottom = Math.Clamp((int)Math.Ceiling((box.Y + box.Height) * scaleY), 0, height);
        return new CropRegion(left, top, right - left, bottom - top);
    }
}

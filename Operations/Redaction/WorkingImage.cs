using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Operations.Redaction;

/// <summary>
/// Upright working copies of one image for the models, each made once per size (EXIF orientation applied), with the
/// scale back to the upright original. One request's; not thread-safe.
/// </summary>
public sealed class WorkingImage
{
    /// <summary>Long side for object detection and classification: the workers' ObjectWorkingSize.</summary>
    public const int ObjectSize = 640;

    /// <summary>Long side for face detection: the workers' FaceWorkingSize and the face crop's detection size.</summary>
    public const int FaceSize = 1280;

    /// <summary>
    /// Long side for OCR and licence plates: text is recognised on crops of this copy, so small print needs the
    /// photo's own resolution; only larger images are scaled down.
    /// </summary>
    public const int TextSize = 4096;

    private readonly Func<int, WorkingCopy> _make;
    private readonly Dictionary<int, WorkingCopy> _copies = [];

    /// <summary>Copies decoded from the encoded bytes, each with shrink-on-load: for callers that need nothing else.</summary>
    public WorkingImage(byte[] data, ImageLoadOptions options) => _make = longSide =>
    {
        var pixels = VipsImage.ThumbnailPixels(data, out var header, longSide, longSide, ResizeMode.Fit, options);
        var (width, height) = header.IsTransposed ? (header.Height, header.Width) : (header.Width, header.Height);
        return new WorkingCopy(pixels, width, height);
    };

    /// <summary>
    /// Copies scaled from an image the caller decodes anyway (loaded upright): libvips keeps a randomly accessed
    /// image's decoded pixels, so the copies and the caller's own use share one decode.
    /// </summary>
    public WorkingImage(VipsImage upright) => _make = longSide =>
    {
        using var copy = upright.Thumbnail(longSide, longSide);
        return new WorkingCopy(copy.ToPixels(), upright.Width, upright.Height);
    };

    /// <summary>The image fitted into a <paramref name="longSide"/> square (never enlarged).</summary>
    public WorkingCopy At(int longSide)
    {
        if (!_copies.TryGetValue(longSide, out var copy))
        {
            copy = _make(longSide);
            _copies[longSide] = copy;
        }

        return copy;
    }
}

/// <summary>Pixels of a working copy and the size of the upright original they stand for.</summary>
public sealed record WorkingCopy(PixelBuffer Pixels, int OriginalWidth, int OriginalHeight)
{
    /// <summary>A box found on <see cref="Pixels"/>, in original-image pixels.</summary>
    public Box ToOriginal(Box box)
    {
        var (sx, sy) = Scales;
        return new Box(box.X * sx, box.Y * sy, box.Width * sx, box.Height * sy);
    }

    public Landmark ToOriginal(Landmark point)
    {
        var (sx, sy) = Scales;
        return new Landmark(point.X * sx, point.Y * sy);
    }

    public Landmark ToOriginal(PixelPoint point) => ToOriginal(new Landmark(point.X, point.Y));

    private (float X, float Y) Scales => ((float)OriginalWidth / Pixels.Width, (float)OriginalHeight / Pixels.Height);
}

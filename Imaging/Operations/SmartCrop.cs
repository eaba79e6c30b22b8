using NetVips;

namespace VisionAspire.Imaging.Operations;

/// <summary>How <see cref="SmartCrop.CropInteresting"/> chooses the region to keep.</summary>
public enum SmartCropStrategy
{
    /// <summary>The centre of the image.</summary>
    Centre,

    /// <summary>The region with the most detail (Shannon entropy).</summary>
    Entropy,

    /// <summary>Skin tones, saturated colour and edges (libvips attention model).</summary>
    Attention,
}

/// <summary>A rectangle in image pixels.</summary>
public sealed record CropRegion(int Left, int Top, int Width, int Height)
{
    public int Right => Left + Width;

    public int Bottom => Top + Height;

    public bool Contains(CropRegion other) =>
        other.Left >= Left && other.Top >= Top && other.Right <= Right && other.Bottom <= Bottom;
}

/// <summary>Content-aware crops.</summary>
public static class SmartCrop
{
    /// <summary>
    /// Crops to <paramref name="width"/> × <paramref name="height"/> (clamped to the image) around the most
    /// interesting region (libvips smartcrop).
    /// </summary>
    public static VipsImage CropInteresting(this VipsImage image, int width, int height, SmartCropStrategy strategy = SmartCropStrategy.Attention)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var interesting = strategy switch
        {
            SmartCropStrategy.Centre => Enums.Interesting.Centre,
            SmartCropStrategy.Entropy => Enums.Interesting.Entropy,
            SmartCropStrategy.Attention => Enums.Interesting.Attention,
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
        };
        var (w, h) = (Math.Min(width, image.Width), Math.Min(height, image.Height));
        return image.Compute(source => source.Smartcrop(w, h, interesting));
    }

    /// <summary>
    /// The smallest region with the aspect ratio of <paramref name="width"/> × <paramref name="height"/>, at least
    /// that size where the image allows, that contains every region in <paramref name="keep"/> (e.g. face boxes),
    /// centred on them and kept inside the image. Crop to it, then thumbnail to the exact size. When the regions
    /// cannot fit in that aspect ratio inside the image, the region grows to the full image side.
    /// </summary>
    public static CropRegion PlanAround(int imageWidth, int imageHeight, IReadOnlyList<CropRegion> keep, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (keep.Count == 0)
        {
            return Centred(imageWidth, imageHeight, imageWidth / 2.0, imageHeight / 2.0, width, height);
        }

        var left = keep.Min(r => r.Left);
        var top = keep.Min(r => r.Top);
        var right = keep.Max(r => r.Right);
        var bottom = keep.Max(r => r.Bottom);
        var aspect = (double)width / height;
        var cropWidth = Math.Max(width, Math.Max(right - left, (bottom - top) * aspect));
        return Centred(imageWidth, imageHeight, (left + right) / 2.0, (top + bottom) / 2.0, cropWidth, cropWidth / aspect);
    }

    private static CropRegion Centred(int imageWidth, int imageHeight, double centreX, double centreY, double width, double height)
    {
        // Shrink uniformly when the image is too small, keeping the aspect ratio.
        var fit = Math.Min(1, Math.Min(imageWidth / width, imageHeight / height));
        var w = Math.Max(1, (int)Math.Round(width * fit));
        var h = Math.Max(1, (int)Math.Round(height * fit));
        var left = Math.Clamp((int)Math.Round(centreX - (w / 2.0)), 0, imageWidth - w);
        var top = Math.Clamp((int)Math.Round(centreY - (h / 2.0)), 0, imageHeight - h);
        return new CropRegion(left, top, w, h);
    }
}

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    /// <summary>Applies the EXIF orientation (rotate/flip) and removes the tag.</summary>
    public VipsImage AutoRotate() => Apply("autorot");

    /// <summary>
    /// Resizes into a <paramref name="width"/> × <paramref name="height"/> box (height null: only the width
    /// constrains Fit; Fill, Exact and Pad use a square box). Fit, Fill and Pad never enlarge unless
    /// <paramref name="allowUpscale"/>; Exact always produces exactly the box. EXIF orientation is not applied here.
    /// </summary>
    public VipsImage Thumbnail(int width, int? height = null, ResizeMode mode = ResizeMode.Fit, bool allowUpscale = false)
    {
        ValidateBox(width, height);
        using var op = Native.VipsOperation.Create("thumbnail_image").Set("in", this).Set("no_rotate", true);
        SetThumbnailBox(op, width, height, mode, allowUpscale);
        op.Build(PixelFailure);
        var thumbnail = op.GetImage("out", SourceFormat);
        return mode == ResizeMode.Pad ? PadTo(thumbnail, width, height ?? width) : thumbnail;
    }

    /// <summary>Scales both axes by <paramref name="scale"/> (Lanczos3 when shrinking).</summary>
    public VipsImage Resize(double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale) || Width * scale > MaxDimension || Height * scale > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and keep the image under 10,000,000 px a side.");
        }

        return Apply("resize", op => op.Set("scale", scale));
    }

    /// <summary>Cuts out a rectangle, which must lie inside the image.</summary>
    public VipsImage Crop(int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || width < 1 || height < 1 || (long)left + width > Width || (long)top + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"Crop box {left},{top} {width}x{height} is not inside the {Width}x{Height} image.");
        }

        return Apply("extract_area", op => op.Set("left", left).Set("top", top).Set("width", width).Set("height", height), input: "input");
    }

    /// <summary>A copy carrying EXIF orientation <paramref name="orientation"/> (written on JPEG encode without stripping).</summary>
    internal VipsImage WithOrientation(int orientation)
    {
        var copy = Apply("copy");
        Native.LibVips.vips_image_set_int(copy.Handle, "orientation", orientation);
        return copy;
    }

    private static void ValidateBox(int width, int? height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxDimension);
        if (height is { } h)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(h, 1, nameof(height));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(h, MaxDimension, nameof(height));
        }
    }

    private static void SetThumbnailBox(Native.VipsOperation op, int width, int? height, ResizeMode mode, bool allowUpscale)
    {
        var boxHeight = height ?? (mode == ResizeMode.Fit ? MaxDimension : width);
        op.Set("width", width).Set("height", boxHeight);
        op.SetEnum("size", mode == ResizeMode.Exact ? "force" : allowUpscale ? "both" : "down");
        op.SetEnum("crop", mode == ResizeMode.Fill ? "centre" : "none");
    }

    private static VipsImage PadTo(VipsImage image, int width, int height)
    {
        using (image)
        {
            return image.Apply("gravity", op => op
                .SetEnum("direction", "centre")
                .Set("width", Math.Max(width, image.Width))
                .Set("height", Math.Max(height, image.Height))
                .SetEnum("extend", "black"));
        }
    }
}

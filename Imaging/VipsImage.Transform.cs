using NetVips;

namespace VisionAspire.Imaging;

public sealed partial class VipsImage
{
    /// <summary>Applies the EXIF orientation (rotate/flip) and removes the tag.</summary>
    public VipsImage AutoRotate() => Apply(image => image.Autorot());

    /// <summary>
    /// Resizes into a <paramref name="width"/> × <paramref name="height"/> box (height null: only the width
    /// constrains Fit; Fill, Exact and Pad use a square box). Fit, Fill and Pad never enlarge unless
    /// <paramref name="allowUpscale"/>; Exact always produces exactly the box. EXIF orientation is not applied here.
    /// </summary>
    public VipsImage Thumbnail(int width, int? height = null, ResizeMode mode = ResizeMode.Fit, bool allowUpscale = false)
    {
        ValidateBox(width, height);
        var box = ThumbnailBox.Of(width, height, mode, allowUpscale);
        var thumbnail = Apply(image => image.ThumbnailImage(width, box.Height, box.Size, noRotate: true, crop: box.Crop));
        return mode == ResizeMode.Pad ? PadTo(thumbnail, width, height ?? width) : thumbnail;
    }

    /// <summary>Scales both axes by <paramref name="scale"/> (Lanczos3 when shrinking).</summary>
    public VipsImage Resize(double scale)
    {
        if (!(scale > 0) || double.IsInfinity(scale) || Width * scale > MaxDimension || Height * scale > MaxDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and keep the image under 10,000,000 px a side.");
        }

        return Apply(image => image.Resize(scale));
    }

    /// <summary>Cuts out a rectangle, which must lie inside the image.</summary>
    public VipsImage Crop(int left, int top, int width, int height)
    {
        if (left < 0 || top < 0 || width < 1 || height < 1 || (long)left + width > Width || (long)top + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width),
                $"Crop box {left},{top} {width}x{height} is not inside the {Width}x{Height} image.");
        }

        return Apply(image => image.ExtractArea(left, top, width, height));
    }

    /// <summary>A copy carrying EXIF orientation <paramref name="orientation"/> (written on JPEG encode without stripping).</summary>
    internal VipsImage WithOrientation(int orientation) =>
        Apply(image => image.Mutate(copy => copy.Set(GValue.GIntType, "orientation", orientation)));

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

    private static VipsImage PadTo(VipsImage image, int width, int height)
    {
        using (image)
        {
            var (boxWidth, boxHeight) = (Math.Max(width, image.Width), Math.Max(height, image.Height));
            return image.Apply(source => source.Gravity(Enums.CompassDirection.Centre, boxWidth, boxHeight, Enums.Extend.Black));
        }
    }

    /// <summary>libvips thumbnail's arguments for a box and a <see cref="ResizeMode"/>.</summary>
    private readonly record struct ThumbnailBox(int Height, Enums.Size Size, Enums.Interesting Crop)
    {
        public static ThumbnailBox Of(int width, int? height, ResizeMode mode, bool allowUpscale) => new(
            height ?? (mode == ResizeMode.Fit ? MaxDimension : width),
            mode == ResizeMode.Exact ? Enums.Size.Force : allowUpscale ? Enums.Size.Both : Enums.Size.Down,
            mode == ResizeMode.Fill ? Enums.Interesting.Centre : Enums.Interesting.None);
    }
}

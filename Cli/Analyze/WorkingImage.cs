using VisionAspire.Imaging;

namespace VisionAspire.Cli.Analyze;

/// <summary>
/// An upright image decoded for inference. Photos larger than <see cref="MaxSide"/> are decoded with libvips'
/// shrink-on-load thumbnail; <see cref="ScaleX"/>/<see cref="ScaleY"/> map working pixels back to the original.
/// </summary>
public sealed record WorkingImage(PixelBuffer Pixels, int Width, int Height)
{
    public const int MaxSide = 1600;

    public float ScaleX => (float)Width / Pixels.Width;
    public float ScaleY => (float)Height / Pixels.Height;

    public static WorkingImage Decode(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var header = VipsImage.ReadHeader(bytes);
        var (width, height) = header.IsTransposed ? (header.Height, header.Width) : (header.Width, header.Height);
        if (Math.Max(width, height) <= MaxSide)
        {
            using var image = VipsImage.Load(bytes);
            return new WorkingImage(image.ToPixels(), width, height);
        }
        using var thumbnail = VipsImage.ThumbnailBuffer(bytes, MaxSide, MaxSide);
        return new WorkingImage(thumbnail.ToPixels(), width, height);
    }
}

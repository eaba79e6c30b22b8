using VisionAspire.Imaging;
using VisionAspire.TestSupport;

namespace VisionAspire.Operations.Bench;

/// <summary>The benchmark input: a shared photo scaled to exactly 2700x2200 and written as JPEG q90 in the temp folder.</summary>
internal sealed record SourceImage(string Path, byte[] Bytes, int Width, int Height)
{
    public const int TargetWidth = 2700;
    public const int TargetHeight = 2200;

    public static SourceImage Create(string directory, string photo)
    {
        using var image = VipsImage.LoadFile(SharedImages.PathOf(photo));
        using var large = image.Thumbnail(TargetWidth, TargetHeight, ResizeMode.Exact);
        var bytes = large.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 90 });
        var path = System.IO.Path.Combine(directory, "source-2700x2200.jpg");
        File.WriteAllBytes(path, bytes);
        return new SourceImage(path, bytes, large.Width, large.Height);
    }
}

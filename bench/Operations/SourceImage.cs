using VisionAspire.Imaging;
using VisionAspire.TestSupport;

namespace VisionAspire.Operations.Bench;

/// <summary>
/// The benchmark input in the temp folder: a shared photo scaled to exactly 2700x2200 and written as JPEG q90, or
/// (<c>--original</c>) the photo's own bytes.
/// </summary>
internal sealed record SourceImage(string Path, byte[] Bytes, int Width, int Height, string Description)
{
    public const int TargetWidth = 2700;
    public const int TargetHeight = 2200;

    public static SourceImage Create(string directory, string photo, bool original)
    {
        if (original)
        {
            var bytes = File.ReadAllBytes(SharedImages.PathOf(photo));
            var header = VipsImage.ReadHeader(bytes);
            var copy = System.IO.Path.Combine(directory, "source-original.jpg");
            File.WriteAllBytes(copy, bytes);
            return new SourceImage(copy, bytes, header.Width, header.Height, $"{photo} as it is");
        }

        using var image = VipsImage.LoadFile(SharedImages.PathOf(photo));
        using var large = image.Thumbnail(TargetWidth, TargetHeight, ResizeMode.Exact);
        var encoded = large.Encode(ImageFormat.Jpeg, new EncodeOptions { Quality = 90 });
        var path = System.IO.Path.Combine(directory, "source-2700x2200.jpg");
        File.WriteAllBytes(path, encoded);
        return new SourceImage(path, encoded, large.Width, large.Height, $"JPEG q90 scaled from {photo}");
    }
}

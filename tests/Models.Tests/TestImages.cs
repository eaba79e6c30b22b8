using VisionAspire.TestSupport;
using VisionAspire.Imaging;

namespace VisionAspire.Models.Tests;

/// <summary>The shared photos, decoded the way services decode them (auto-rotated 8-bit sRGB).</summary>
internal static class TestImages
{
    public static string Directory => SharedImages.Directory;

    public static string PathOf(string name) => SharedImages.PathOf(name);

    public static PixelBuffer Load(string name)
    {
        using var image = VipsImage.LoadFile(PathOf(name));
        using var rotated = image.AutoRotate();
        return rotated.ToPixels();
    }

    public static IEnumerable<string> All() => SharedImages.Names();

    /// <summary>A horizontally mirrored copy.</summary>
    public static PixelBuffer Mirror(PixelBuffer source)
    {
        var data = new byte[source.Data.Length];
        var stride = source.Width * source.Bands;
        for (var y = 0; y < source.Height; y++)
        {
            for (var x = 0; x < source.Width; x++)
            {
                Array.Copy(source.Data, y * stride + x * source.Bands, data, y * stride + (source.Width - 1 - x) * source.Bands, source.Bands);
            }
        }
        return source with { Data = data };
    }
}

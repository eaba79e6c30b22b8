using VisionAspire.Imaging;

namespace VisionAspire.Models.Tests;

/// <summary>The shared photos, decoded the way services decode them (auto-rotated 8-bit sRGB).</summary>
internal static class TestImages
{
    public static string Directory { get; } = Resolve();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static PixelBuffer Load(string name)
    {
        using var image = VipsImage.LoadFile(PathOf(name));
        using var rotated = image.AutoRotate();
        return rotated.ToPixels();
    }

    public static IEnumerable<string> All() =>
        System.IO.Directory.GetFiles(Directory)
            .Where(f => f.EndsWith(".jpg", StringComparison.Ordinal) || f.EndsWith(".png", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order()!;

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

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("VISION_IMAGES_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VisionAspire.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "images"));
            }
        }
        throw new InvalidOperationException("Shared images not found: set VISION_IMAGES_DIR.");
    }
}

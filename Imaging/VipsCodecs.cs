namespace VisionAspire.Imaging;

/// <summary>Names of the libvips loader and saver operations per format.</summary>
internal static class VipsCodecs
{
    /// <summary>The file loader, or the source loader (memory: one blob that several loader calls can share).</summary>
    public static string Loader(ImageFormat format, bool fromFile)
    {
        var name = format switch
        {
            ImageFormat.Jpeg => "jpegload",
            ImageFormat.Png => "pngload",
            ImageFormat.WebP => "webpload",
            ImageFormat.Tiff => "tiffload",
            ImageFormat.Gif => "gifload",
            ImageFormat.Heif or ImageFormat.Avif => "heifload",
            _ => throw new ImageFormatException($"No decoder for format {format}."),
        };
        return fromFile ? name : name + "_source";
    }

    public static string Saver(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "jpegsave_buffer",
        ImageFormat.Png => "pngsave_buffer",
        ImageFormat.WebP => "webpsave_buffer",
        ImageFormat.Tiff => "tiffsave_buffer",
        ImageFormat.Gif => "gifsave_buffer",
        ImageFormat.Heif or ImageFormat.Avif => "heifsave_buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an encodable format."),
    };

    /// <summary>True when this libvips build has the named operation (e.g. an optional saver).</summary>
    public static bool Exists(string operation)
    {
        VipsRuntime.EnsureInitialized();
        return global::NetVips.NetVips.TypeFind("VipsOperation", operation) != 0;
    }
}

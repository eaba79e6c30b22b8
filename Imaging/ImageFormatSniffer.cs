namespace VisionAspire.Imaging;

/// <summary>Detects an image format from its first bytes (never from a file name or a declared content type).</summary>
public static class ImageFormatSniffer
{
    /// <summary>Bytes <see cref="Detect"/> looks at at most.</summary>
    public const int HeaderLength = 32;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageFormat Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(JpegMagic))
        {
            return ImageFormat.Jpeg;
        }

        if (header.StartsWith(PngMagic))
        {
            return ImageFormat.Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }

        return header.Length >= 12 && header.Slice(4, 4).SequenceEqual("ftyp"u8) ? DetectIsoMedia(header) : ImageFormat.Unknown;
    }

    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Tiff => "image/tiff",
        ImageFormat.Gif => "image/gif",
        ImageFormat.Heif => "image/heif",
        ImageFormat.Avif => "image/avif",
        _ => "application/octet-stream",
    };

    /// <summary>Parses a format name or extension ("jpg", "jpeg", "png", "webp", "tif", "tiff", "gif", "heic", "heif", "avif").</summary>
    public static ImageFormat FromName(string name) => name.Trim().TrimStart('.').ToLowerInvariant() switch
    {
        "jpg" or "jpeg" => ImageFormat.Jpeg,
        "png" => ImageFormat.Png,
        "webp" => ImageFormat.WebP,
        "tif" or "tiff" => ImageFormat.Tiff,
        "gif" => ImageFormat.Gif,
        "heic" or "heif" => ImageFormat.Heif,
        "avif" => ImageFormat.Avif,
        _ => ImageFormat.Unknown,
    };

    /// <summary>The format of a MIME type such as "image/webp" (parameters ignored); Unknown otherwise.</summary>
    public static ImageFormat FromContentType(string contentType)
    {
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return type.StartsWith("image/", StringComparison.Ordinal) ? FromName(type["image/".Length..]) : ImageFormat.Unknown;
    }

    /// <summary>ISO-BMFF ("ftyp" box): the major brand, then the compatible brands, tell AVIF from HEIF.</summary>
    private static ImageFormat DetectIsoMedia(ReadOnlySpan<byte> header)
    {
        var boxSize = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        var end = Math.Min(header.Length, Math.Max(boxSize, 12));
        var sawHeif = false;
        for (var offset = 8; offset + 4 <= end; offset += 4)
        {
            if (offset == 12)
            {
                continue; // minor version, not a brand
            }

            var brand = header.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return ImageFormat.Avif;
            }

            sawHeif |= brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8)
                || brand.SequenceEqual("hevx"u8) || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8)
                || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8);
        }

        return sawHeif ? ImageFormat.Heif : ImageFormat.Unknown;
    }
}

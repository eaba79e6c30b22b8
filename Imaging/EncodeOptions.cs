namespace VisionAspire.Imaging;

/// <summary>Encoder settings. Quality (1-100) applies to JPEG, WebP, HEIF and AVIF.</summary>
public sealed record EncodeOptions
{
    public static EncodeOptions Default { get; } = new();

    public int Quality { get; init; } = 85;

    /// <summary>Drop EXIF, XMP, IPTC and ICC metadata.</summary>
    public bool StripMetadata { get; init; } = true;
}

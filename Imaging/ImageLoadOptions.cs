namespace VisionAspire.Imaging;

/// <summary>Limits and behaviour for decoding untrusted images.</summary>
public sealed record ImageLoadOptions
{
    public static ImageLoadOptions Default { get; } = new();

    /// <summary>Largest width × height accepted; checked from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>Rotate/flip upright from the EXIF orientation tag.</summary>
    public bool AutoRotate { get; init; } = true;

    /// <summary>
    /// When false (default) any decoder warning (corrupt entropy data, premature end) fails the decode with
    /// <see cref="CorruptImageException"/>; when true only hard errors do.
    /// </summary>
    public bool TolerateWarnings { get; init; }
}

namespace VisionAspire.Imaging;

/// <summary>Encoded image formats this library recognises by magic bytes.</summary>
public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Tiff,
    Gif,
    Heif,
    Avif,
}

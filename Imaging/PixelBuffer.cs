namespace VisionAspire.Imaging;

/// <summary>Raw 8-bit pixels, row-major, bands interleaved (RGBRGB...).</summary>
public sealed record PixelBuffer(byte[] Data, int Width, int Height, int Bands)
{
    public int Stride => Width * Bands;
}

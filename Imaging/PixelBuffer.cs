namespace VisionAspire.Imaging;

/// <summary>
/// Raw 8-bit pixels, row-major, bands interleaved (RGBRGB...): <see cref="Data"/> holds Height × <see cref="Stride"/>
/// bytes from index 0. It may be longer (a buffer handed over as-is, with a trailer after the pixels); the bytes past
/// <see cref="Length"/> are not pixels.
/// </summary>
public sealed record PixelBuffer(byte[] Data, int Width, int Height, int Bands)
{
    public int Stride => Width * Bands;

    /// <summary>The number of pixel bytes at the start of <see cref="Data"/>.</summary>
    public int Length => Height * Stride;
}

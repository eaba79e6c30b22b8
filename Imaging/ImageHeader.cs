namespace VisionAspire.Imaging;

/// <summary>
/// What the header says, read without decoding pixels. Width and Height are as stored: for
/// <see cref="Orientation"/> 5-8 the upright image is Height × Width.
/// </summary>
public sealed record ImageHeader(ImageFormat Format, int Width, int Height, int Bands, int Orientation)
{
    public long Pixels => (long)Width * Height;

    public bool IsTransposed => Orientation is >= 5 and <= 8;
}

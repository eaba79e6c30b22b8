namespace VisionAspire.Imaging;

/// <summary>The header declares more pixels than allowed; raised before any pixel is decoded.</summary>
public sealed class ImageTooLargeException(int width, int height, long maxPixels)
    : ImagingException($"The image is {width}x{height} ({(long)width * height:N0} pixels); at most {maxPixels:N0} pixels are accepted.")
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public long MaxPixels { get; } = maxPixels;
}

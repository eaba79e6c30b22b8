using VisionAspire.Imaging;

namespace VisionAspire.Models.Processing;

internal static class PixelCrop
{
    /// <summary>A copy of the pixels in the rectangle, which must lie inside the image.</summary>
    public static PixelBuffer Of(PixelBuffer image, int left, int top, int width, int height)
    {
        var data = new byte[width * height * image.Bands];
        var rowBytes = width * image.Bands;
        for (var y = 0; y < height; y++)
        {
            Array.Copy(image.Data, (top + y) * image.Stride + left * image.Bands, data, y * rowBytes, rowBytes);
        }
        return new PixelBuffer(data, width, height, image.Bands);
    }
}

namespace VisionAspire.Models.Processing;

internal static class Sharpness
{
    /// <summary>
    /// Variance of the 4-neighbour Laplacian over the interior of a grey plane (0..255 samples): low when the plane
    /// has no fine detail (out of focus, motion blur, a face upscaled from very few pixels).
    /// </summary>
    public static double VarianceOfLaplacian(ReadOnlySpan<float> grey, int width, int height)
    {
        if (width < 3 || height < 3 || grey.Length < width * height)
        {
            throw new ArgumentException($"Need a plane of at least 3x3 with {width * height} samples.");
        }
        double sum = 0, sumOfSquares = 0;
        for (var y = 1; y < height - 1; y++)
        {
            for (var x = 1; x < width - 1; x++)
            {
                var i = y * width + x;
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - width] + grey[i + width] - 4 * grey[i];
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
            }
        }
        var count = (width - 2) * (height - 2);
        var mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }
}

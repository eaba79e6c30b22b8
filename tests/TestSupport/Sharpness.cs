using Xunit;
using VisionAspire.Imaging;

namespace VisionAspire.TestSupport;

/// <summary>Variance of the 4-neighbour Laplacian of the grey pixels inside a box: high for detail, near 0 when blurred.</summary>
public static class Sharpness
{
    public static double LaplacianVariance(PixelBuffer rgb, int left, int top, int width, int height)
    {
        var (x0, y0) = (Math.Max(left, 1), Math.Max(top, 1));
        var (x1, y1) = (Math.Min(left + width, rgb.Width - 1), Math.Min(top + height, rgb.Height - 1));
        double sum = 0, squares = 0;
        var count = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var laplacian = (4 * Grey(rgb, x, y)) - Grey(rgb, x - 1, y) - Grey(rgb, x + 1, y) - Grey(rgb, x, y - 1) - Grey(rgb, x, y + 1);
                sum += laplacian;
                squares += laplacian * laplacian;
                count++;
            }
        }

        Assert.True(count > 0, $"the box {left},{top} {width}x{height} has no interior pixels");
        var mean = sum / count;
        return (squares / count) - (mean * mean);
    }

    private static double Grey(PixelBuffer rgb, int x, int y)
    {
        var i = (y * rgb.Stride) + (x * rgb.Bands);
        return (0.299 * rgb.Data[i]) + (0.587 * rgb.Data[i + 1]) + (0.114 * rgb.Data[i + 2]);
    }
}

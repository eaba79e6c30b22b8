using NetVips;

namespace VisionAspire.Imaging.Operations;

/// <summary>Convolution masks as libvips matrix images.</summary>
internal static class Kernel
{
    /// <summary>3x3 relief: light from the top left; coefficients sum to 1, so mean brightness is kept.</summary>
    public static readonly double[] Emboss = [-2, -1, 0, -1, 1, 1, 0, 1, 2];

    /// <summary>3x3 outline (PIL's CONTOUR): a Laplacian drawn dark on a white (offset 255) ground.</summary>
    public static readonly double[] Contour = [-1, -1, -1, -1, 8, -1, -1, -1, -1];

    /// <summary>4-neighbour Laplacian, the basis of the blur score.</summary>
    public static readonly double[] Laplacian = [0, 1, 0, 1, -4, 1, 0, 1, 0];

    /// <summary>A <paramref name="width"/> × <paramref name="height"/> mask from row-major values; conv divides by <paramref name="scale"/> and adds <paramref name="offset"/>.</summary>
    public static VipsImage Matrix(int width, int height, ReadOnlySpan<double> values, double scale = 1, double offset = 0)
    {
        if (values.Length != width * height)
        {
            throw new ArgumentException($"A {width}x{height} matrix needs {width * height} values, not {values.Length}.", nameof(values));
        }

        VipsRuntime.EnsureInitialized();
        var rows = new double[height, width];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                rows[y, x] = values[(y * width) + x];
            }
        }

        return new VipsImage(Image.NewFromArray(rows, scale, offset), ImageFormat.Unknown);
    }
}

using VisionAspire.Imaging.Native;

namespace VisionAspire.Imaging.Operations;

/// <summary>Convolution masks as libvips matrix images (built from memory: vips_image_new_matrix_from_array).</summary>
internal static class Kernel
{
    /// <summary>3x3 relief: light from the top left; coefficients sum to 1, so mean brightness is kept.</summary>
    public static readonly double[] Emboss = [-2, -1, 0, -1, 1, 1, 0, 1, 2];

    /// <summary>3x3 outline (PIL's CONTOUR): a Laplacian drawn dark on a white (offset 255) ground.</summary>
    public static readonly double[] Contour = [-1, -1, -1, -1, 8, -1, -1, -1, -1];

    /// <summary>4-neighbour Laplacian, the basis of the blur score.</summary>
    public static readonly double[] Laplacian = [0, 1, 0, 1, -4, 1, 0, 1, 0];

    public static unsafe VipsImage Matrix(int width, int height, ReadOnlySpan<double> values, double scale = 1, double offset = 0)
    {
        VipsRuntime.EnsureInitialized();
        GObjectHandle handle;
        fixed (double* p = values)
        {
            handle = LibVips.vips_image_new_matrix_from_array(width, height, p, values.Length);
        }

        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new ImagingException($"Could not build a {width}x{height} matrix: {VipsRuntime.TakeError()}");
        }

        // conv divides by "scale" and adds "offset", both read from the matrix's metadata.
        LibVips.vips_image_set_double(handle, "scale", scale);
        LibVips.vips_image_set_double(handle, "offset", offset);
        return new VipsImage(handle, ImageFormat.Unknown);
    }
}

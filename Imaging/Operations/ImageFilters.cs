using NetVips;

namespace VisionAspire.Imaging.Operations;

/// <summary>Which gradient operator <see cref="ImageFilters.DetectEdges"/> uses.</summary>
public enum EdgeDetector
{
    Sobel,
    Canny,
}

/// <summary>
/// Neighbourhood filters. Each returns a new image (caller disposes); the source is unchanged.
/// Parameter ranges are public constants so an API can validate before calling.
/// </summary>
public static class ImageFilters
{
    public const int MaxBlurRadius = 50;
    public const double MaxSigma = 50;
    public const int MinMedianSize = 3;
    public const int MaxMedianSize = 15;

    /// <summary>Mean of the (2r+1)² neighbourhood, radius 1-50; separable, so cost grows with r, not r².</summary>
    public static VipsImage BoxBlur(this VipsImage image, int radius = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(radius, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radius, MaxBlurRadius);
        var size = (2 * radius) + 1;
        using var mask = Kernel.Matrix(size, 1, Enumerable.Repeat(1.0, size).ToArray(), scale: size);
        return image.Combine(source => source.Convsep(mask.Image), mask);
    }

    /// <summary>Gaussian blur, sigma in (0, 50].</summary>
    public static VipsImage GaussianBlur(this VipsImage image, double sigma = 2)
    {
        ValidateSigma(sigma);
        return image.Apply(source => source.Gaussblur(sigma));
    }

    /// <summary>
    /// Unsharp mask on lightness (libvips sharpen): <paramref name="sigma"/> (0, 50] sets the detail size,
    /// <paramref name="amount"/> [0, 10] the slope applied to edges.
    /// </summary>
    public static VipsImage Sharpen(this VipsImage image, double sigma = 1, double amount = 2)
    {
        ValidateSigma(sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, 10);
        return image.Apply(source => source.Sharpen(sigma, m1: amount / 4, m2: amount));
    }

    /// <summary>Edge map: one band, 8-bit, white edges on black.</summary>
    public static VipsImage DetectEdges(this VipsImage image, EdgeDetector detector = EdgeDetector.Sobel) => detector switch
    {
        EdgeDetector.Sobel => image.Sobel(),
        EdgeDetector.Canny => image.Canny(),
        _ => throw new ArgumentOutOfRangeException(nameof(detector), detector, null),
    };

    /// <summary>Sobel gradient magnitude of the grey image, one band, 8-bit.</summary>
    public static VipsImage Sobel(this VipsImage image) =>
        image.ToGrayscale().Then(grey => grey.Apply(source => source.Sobel()));

    /// <summary>
    /// Canny (Gaussian <paramref name="sigma"/>, gradient, non-maximum suppression) thresholded at
    /// <paramref name="threshold"/> × the strongest edge: one band, 0 or 255.
    /// </summary>
    public static VipsImage Canny(this VipsImage image, double sigma = 1.4, double threshold = 0.1)
    {
        ValidateSigma(sigma);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        using var magnitude = image.ToGrayscale().Then(grey => grey.Apply(source => source.Canny(sigma)));
        var strongest = Measure.Max(magnitude);
        var cut = Math.Max(strongest * threshold, double.Epsilon);
        return magnitude.Apply(source => source.RelationalConst(Enums.OperationRelational.More, [cut]));
    }

    /// <summary>Median of a size × size window, size odd in [3, 15]; removes salt-and-pepper noise.</summary>
    public static VipsImage Median(this VipsImage image, int size = 3)
    {
        if (size is < MinMedianSize or > MaxMedianSize || size % 2 == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The median size must be odd, 3 to 15.");
        }

        return image.Apply(source => source.Rank(size, size, size * size / 2));
    }

    /// <summary>3x3 emboss relief, same bands as the source.</summary>
    public static VipsImage Emboss(this VipsImage image)
    {
        using var mask = Kernel.Matrix(3, 3, Kernel.Emboss);
        return image.Combine(source => source.Conv(mask.Image), mask);
    }

    /// <summary>Dark outlines on white, same bands as the source.</summary>
    public static VipsImage Contour(this VipsImage image)
    {
        using var mask = Kernel.Matrix(3, 3, Kernel.Contour, offset: 255);
        return image.Combine(source => source.Conv(mask.Image), mask);
    }

    private static void ValidateSigma(double sigma)
    {
        if (!(sigma > 0) || sigma > MaxSigma)
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "Sigma must be in (0, 50].");
        }
    }
}

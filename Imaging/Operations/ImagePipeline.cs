namespace VisionAspire.Imaging.Operations;

/// <summary>Chains steps that each return a new image, disposing the intermediate ones.</summary>
internal static class ImagePipeline
{
    /// <summary>Applies <paramref name="step"/> to <paramref name="image"/>, which this call then disposes.</summary>
    public static VipsImage Then(this VipsImage image, Func<VipsImage, VipsImage> step)
    {
        using (image)
        {
            return step(image);
        }
    }

    /// <summary>A band vector for arithmetic on an image that may carry an alpha band (alpha gets the identity value).</summary>
    public static double[] PerBand(VipsImage image, double[] colour, double alpha)
    {
        var bands = image.Bands;
        var values = new double[bands];
        for (var i = 0; i < bands; i++)
        {
            values[i] = i < colour.Length ? colour[i] : alpha;
        }

        return values;
    }
}

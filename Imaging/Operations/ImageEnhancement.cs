using NetVips;

namespace VisionAspire.Imaging.Operations;

/// <summary>
/// Brightness, contrast and saturation in one LCh pass (libvips "linear" on L* and C*), then sharpness.
/// Output: 8-bit sRGB (alpha kept). Ranges: see <see cref="EnhanceOptions"/>.
/// </summary>
public static class ImageEnhancement
{
    private const double SharpnessSigma = 1.0;

    public static VipsImage Enhance(this VipsImage image, EnhanceOptions options)
    {
        if (options.FirstInvalid() is { } invalid)
        {
            throw new ArgumentOutOfRangeException(invalid.Name, invalid.Value,
                $"{invalid.Name} must be between {EnhanceOptions.Min} and {EnhanceOptions.Max} (1 = unchanged).");
        }

        var result = AdjustLightnessAndChroma(image, options);
        return options.Sharpness == 1 ? result : result.Then(adjusted => BlendWithBlur(adjusted, options.Sharpness));
    }

    public static VipsImage Brightness(this VipsImage image, double factor) => image.Enhance(new EnhanceOptions { Brightness = factor });

    public static VipsImage Contrast(this VipsImage image, double factor) => image.Enhance(new EnhanceOptions { Contrast = factor });

    public static VipsImage Saturation(this VipsImage image, double factor) => image.Enhance(new EnhanceOptions { Saturation = factor });

    public static VipsImage Sharpness(this VipsImage image, double factor) => image.Enhance(new EnhanceOptions { Sharpness = factor });

    private static VipsImage AdjustLightnessAndChroma(VipsImage image, EnhanceOptions options)
    {
        var lch = image.Apply(source => source.Colourspace(Enums.Interpretation.Lch));
        if (options is { Brightness: 1, Contrast: 1, Saturation: 1 })
        {
            return lch.Then(ToUcharSrgb);
        }

        // L' = c·(b·L − mean(b·L)) + mean(b·L) = b·c·L + b·mean(L)·(1 − c);  C' = b·s·C (like scaling RGB, so b = 0 is black).
        var meanLightness = options.Contrast == 1 ? 0 : MeanOfFirstBand(lch);
        var scale = ImagePipeline.PerBand(lch, [options.Brightness * options.Contrast, options.Brightness * options.Saturation, 1], 1);
        var offset = ImagePipeline.PerBand(lch, [options.Brightness * meanLightness * (1 - options.Contrast), 0, 0], 0);
        return lch
            .Then(source => source.Apply(pixels => pixels.Linear(scale, offset)))
            .Then(ToUcharSrgb);
    }

    /// <summary>factor·image + (1 − factor)·blurred: 0 = blurred, 1 = unchanged, above 1 = unsharp mask.</summary>
    private static VipsImage BlendWithBlur(VipsImage image, double factor)
    {
        using var blurred = image.Apply(source => source.Gaussblur(SharpnessSigma));
        using var original = image.Apply(source => source.Linear([factor], [0.0]));
        using var softened = blurred.Apply(source => source.Linear([1 - factor], [0.0]));
        return original.Combine(left => left.Add(softened.Image), softened)
            .Then(sum => sum.Apply(source => source.Cast(Enums.BandFormat.Uchar)));
    }

    private static VipsImage ToUcharSrgb(VipsImage image)
    {
        var srgb = image.Apply(source => source.Colourspace(Enums.Interpretation.Srgb));
        return srgb.IsUcharSrgb ? srgb : srgb.Then(s => s.Apply(source => source.Cast(Enums.BandFormat.Uchar)));
    }

    private static double MeanOfFirstBand(VipsImage image)
    {
        using var lightness = image.Apply(source => source.ExtractBand(0));
        return Measure.Mean(lightness);
    }
}

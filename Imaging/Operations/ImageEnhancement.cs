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
        var lch = image.Apply("colourspace", op => op.SetEnum("space", "lch"));
        if (options is { Brightness: 1, Contrast: 1, Saturation: 1 })
        {
            return lch.Then(ToUcharSrgb);
        }

        // L' = c·(b·L − mean(b·L)) + mean(b·L) = b·c·L + b·mean(L)·(1 − c);  C' = b·s·C (like scaling RGB, so b = 0 is black).
        var meanLightness = options.Contrast == 1 ? 0 : MeanOfFirstBand(lch);
        var scale = ImagePipeline.PerBand(lch, [options.Brightness * options.Contrast, options.Brightness * options.Saturation, 1], 1);
        var offset = ImagePipeline.PerBand(lch, [options.Brightness * meanLightness * (1 - options.Contrast), 0, 0], 0);
        return lch
            .Then(source => source.Apply("linear", op => op.Set("a", scale).Set("b", offset)))
            .Then(ToUcharSrgb);
    }

    /// <summary>factor·image + (1 − factor)·blurred: 0 = blurred, 1 = unchanged, above 1 = unsharp mask.</summary>
    private static VipsImage BlendWithBlur(VipsImage image, double factor)
    {
        using var blurred = image.Apply("gaussblur", op => op.Set("sigma", SharpnessSigma));
        using var original = image.Apply("linear", op => op.Set("a", [factor]).Set("b", [0.0]));
        using var softened = blurred.Apply("linear", op => op.Set("a", [1 - factor]).Set("b", [0.0]));
        using var add = Native.VipsOperation.Create("add").Set("left", original).Set("right", softened);
        add.Build();
        return add.GetImage("out", image.SourceFormat).Then(sum => sum.Apply("cast", op => op.SetEnum("format", "uchar")));
    }

    private static VipsImage ToUcharSrgb(VipsImage image)
    {
        var srgb = image.Apply("colourspace", op => op.SetEnum("space", "srgb"));
        return srgb.IsUcharSrgb ? srgb : srgb.Then(s => s.Apply("cast", op => op.SetEnum("format", "uchar")));
    }

    private static double MeanOfFirstBand(VipsImage image)
    {
        using var lightness = image.Apply("extract_band", op => op.Set("band", 0));
        return Measure.Mean(lightness);
    }
}

namespace VisionAspire.Imaging.Operations;

/// <summary>
/// Enhancement factors, each in [<see cref="Min"/>, <see cref="Max"/>]; 1.0 leaves that property unchanged,
/// 0 removes it (black, flat grey, greyscale, blurred), 2 doubles it.
/// </summary>
public sealed record EnhanceOptions
{
    public const double Min = 0;
    public const double Max = 3;

    /// <summary>Multiplies lightness and chroma (CIE L*, C*), like scaling RGB while keeping hue.</summary>
    public double Brightness { get; init; } = 1;

    /// <summary>Scales lightness about its mean.</summary>
    public double Contrast { get; init; } = 1;

    /// <summary>Multiplies chroma (CIE C*); hue is kept.</summary>
    public double Saturation { get; init; } = 1;

    /// <summary>Blends with a Gaussian-blurred copy: below 1 softens, above 1 sharpens (unsharp mask).</summary>
    public double Sharpness { get; init; } = 1;

    /// <summary>The name and value of the first factor outside the range, or null when all are valid.</summary>
    public (string Name, double Value)? FirstInvalid()
    {
        foreach (var (name, value) in new[] { ("brightness", Brightness), ("contrast", Contrast), ("saturation", Saturation), ("sharpness", Sharpness) })
        {
            if (!(value >= Min && value <= Max))
            {
                return (name, value);
            }
        }

        return null;
    }
}

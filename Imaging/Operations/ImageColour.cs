using NetVips;

namespace VisionAspire.Imaging.Operations;

/// <summary>Colour-space conversions.</summary>
public static class ImageColour
{
    /// <summary>Grey (libvips "b-w" from CIE L*): one band, plus alpha when the source has one.</summary>
    public static VipsImage ToGrayscale(this VipsImage image) =>
        image.Apply(source => source.Colourspace(Enums.Interpretation.Bw));

    /// <summary>8-bit sRGB (alpha kept when present).</summary>
    public static VipsImage ToSrgb(this VipsImage image) =>
        image.Apply(source => source.Colourspace(Enums.Interpretation.Srgb));
}

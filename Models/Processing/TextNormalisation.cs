namespace VisionAspire.Models.Processing;

/// <summary>The PaddleOCR classifier's and recogniser's pixel scaling, <c>(p/255 - 0.5) / 0.5</c>.</summary>
internal static class TextNormalisation
{
    public static PixelNormalisation Symmetric { get; } = PixelNormalisation.Uniform(127.5f, 1 / 127.5f);

    /// <summary>The raw value that <see cref="Symmetric"/> maps to 0, PaddleOCR's padding.</summary>
    public const float ZeroPad = 127.5f;
}

namespace VisionAspire.Imaging.Operations.Analysis;

/// <summary>256-bin histogram of one 8-bit sRGB channel ("red", "green", "blue").</summary>
public sealed record ChannelHistogram(string Channel, long[] Bins);

/// <summary>Per-channel histograms; each channel's bins sum to <see cref="PixelCount"/>.</summary>
public sealed record ImageHistogram(long PixelCount, IReadOnlyList<ChannelHistogram> Channels);

/// <summary>
/// MeanBrightness: mean grey level 0-255. Contrast: standard deviation of the grey level (0-127.5).
/// Colourfulness: Hasler &amp; Süsstrunk (2003) M = σ_rgyb + 0.3·μ_rgyb on 0-255 values (≈0 grey, &gt;100 very colourful).
/// </summary>
public sealed record ImageStatistics(double MeanBrightness, double Contrast, double Colourfulness);

/// <summary>A frequent colour (mean of its 4x4x4 grid cell) and the share of pixels in that cell.</summary>
public sealed record DominantColour(byte Red, byte Green, byte Blue, double Share)
{
    public string Hex => $"#{Red:X2}{Green:X2}{Blue:X2}";
}

/// <summary>
/// Saliency centre (attention model), as fractions of width and height (0-1), and how close it lies to the
/// nearest rule-of-thirds intersection (1 = on it, 0 = as far as a corner).
/// </summary>
public sealed record Composition(double SaliencyX, double SaliencyY, double RuleOfThirds);

/// <summary>Everything <see cref="ImageAnalyzer.Analyze"/> measures.</summary>
/// <param name="BlurScore">Variance of the Laplacian of the grey image: low = blurry (depends on resolution).</param>
/// <param name="Entropy">Shannon entropy of the grey histogram in bits (0-8): texture/detail.</param>
/// <param name="EdgeDensity">Fraction of pixels (0-1) whose Sobel magnitude exceeds the edge threshold.</param>
public sealed record ImageAnalysisReport(
    ImageHistogram Histogram,
    ImageStatistics Statistics,
    double BlurScore,
    double Entropy,
    double EdgeDensity,
    IReadOnlyList<DominantColour> DominantColours,
    Composition Composition);

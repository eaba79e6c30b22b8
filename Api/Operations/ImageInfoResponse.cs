namespace VisionAspire.Api.Operations;

/// <summary>
/// What image-info reports. Width/Height are upright (EXIF orientation applied). The measurements are taken on a
/// copy at most AnalysisSize px on its longer side (AnalysedWidth × AnalysedHeight), so they compare across sizes.
/// </summary>
public sealed record ImageInfoResponse(
    string Format,
    string ContentType,
    long SizeBytes,
    int Width,
    int Height,
    int Bands,
    bool HasAlpha,
    string ColourSpace,
    int Orientation,
    IReadOnlyDictionary<string, string> Exif,
    int AnalysedWidth,
    int AnalysedHeight,
    double MeanBrightness,
    double Contrast,
    double Colourfulness,
    double BlurScore,
    double Entropy,
    double EdgeDensity,
    IReadOnlyList<DominantColourResponse> DominantColours,
    CompositionResponse Composition,
    HistogramResponse Histogram);

public sealed record DominantColourResponse(string Hex, int Red, int Green, int Blue, double Share);

public sealed record CompositionResponse(double SaliencyX, double SaliencyY, double RuleOfThirds);

public sealed record HistogramResponse(long PixelCount, long[] Red, long[] Green, long[] Blue);

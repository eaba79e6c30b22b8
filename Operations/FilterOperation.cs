using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Operations;

/// <summary>
/// A neighbourhood filter or colour conversion: blur (box, radius), gaussian-blur (sigma), sharpen (sigma, amount),
/// edge-detect (detector sobel|canny; canny: sigma, threshold), median (size), emboss, contour, grayscale.
/// Each type accepts only its own parameters.
/// </summary>
public sealed record FilterOperation(string Type, int? Radius, double? Sigma, double? Amount, string? Detector, double? Threshold, int? Size)
    : ImageOperation
{
    public const string OperationName = "filter";

    public static readonly IReadOnlyList<string> Types =
        ["blur", "gaussian-blur", "sharpen", "edge-detect", "median", "emboss", "contour", "grayscale"];

    private static readonly ParameterSpec TypeSpec = ParameterSpec.Choice("type", Types,
        "The filter: blur (box mean), gaussian-blur, sharpen (unsharp mask on lightness), edge-detect (8-bit edge map), median (denoise), emboss, contour (dark outlines on white), grayscale.");

    private static readonly ParameterSpec RadiusSpec = ParameterSpec.Integer("radius", 1, ImageFilters.MaxBlurRadius, "blur: neighbourhood radius in pixels (window 2r+1).", 2);
    private static readonly ParameterSpec SigmaSpec = ParameterSpec.Number("sigma", 0, ImageFilters.MaxSigma, "gaussian-blur (default 2), sharpen (default 1), edge-detect canny (default 1.4): Gaussian sigma in pixels.", exclusiveMinimum: true);
    private static readonly ParameterSpec AmountSpec = ParameterSpec.Number("amount", 0, 10, "sharpen: strength applied to edges.", 2);
    private static readonly ParameterSpec DetectorSpec = ParameterSpec.Choice("detector", ["sobel", "canny"], "edge-detect: gradient magnitude (sobel) or thin thresholded edges (canny).", "sobel");
    private static readonly ParameterSpec ThresholdSpec = ParameterSpec.Number("threshold", 0, 1, "edge-detect canny: keep edges stronger than this fraction of the strongest.", 0.1);
    private static readonly ParameterSpec SizeSpec = new("size", ParameterType.Integer,
        "median: window size in pixels.", ImageFilters.MinMedianSize, ImageFilters.MaxMedianSize, Default: "3");

    public override string Name => OperationName;

    public override string Canonical => CanonicalText.Of(Name, ("type", Type), ("radius", Radius), ("sigma", Sigma), ("amount", Amount),
        ("detector", Detector), ("threshold", Threshold), ("size", Size));

    public static IReadOnlyList<ParameterSpec> Specs { get; } = [TypeSpec, RadiusSpec, SigmaSpec, AmountSpec, DetectorSpec, ThresholdSpec, SizeSpec];

    public static FilterOperation Parse(OperationArguments args)
    {
        args.RejectUnknown(Specs, OperationName);
        var type = args.Choice(TypeSpec) ?? throw args.Missing(TypeSpec, "");
        var detector = type == "edge-detect" ? args.Choice(DetectorSpec) ?? "sobel" : null;
        ParameterSpec[] accepted = type switch
        {
            "blur" => [RadiusSpec],
            "gaussian-blur" => [SigmaSpec],
            "sharpen" => [SigmaSpec, AmountSpec],
            "edge-detect" when detector == "canny" => [DetectorSpec, SigmaSpec, ThresholdSpec],
            "edge-detect" => [DetectorSpec],
            "median" => [SizeSpec],
            _ => [],
        };
        args.RejectUnknown([TypeSpec, .. accepted], $"filter type {type}{(detector is null ? "" : $" ({detector})")}");

        var size = args.Int(SizeSpec);
        if (size is { } s && s % 2 == 0)
        {
            throw new ParameterException(args.Field("size"), $"must be odd ({SizeSpec.Range}); got '{s}'.");
        }

        return type switch
        {
            "blur" => new(type, args.Int(RadiusSpec) ?? 2, null, null, null, null, null),
            "gaussian-blur" => new(type, null, args.Number(SigmaSpec) ?? 2, null, null, null, null),
            "sharpen" => new(type, null, args.Number(SigmaSpec) ?? 1, args.Number(AmountSpec) ?? 2, null, null, null),
            "edge-detect" when detector == "canny" => new(type, null, args.Number(SigmaSpec) ?? 1.4, null, detector, args.Number(ThresholdSpec) ?? 0.1, null),
            "edge-detect" => new(type, null, null, null, detector, null, null),
            "median" => new(type, null, null, null, null, null, size ?? 3),
            _ => new(type, null, null, null, null, null, null),
        };
    }

    public override VipsImage Apply(VipsImage image, OperationContext context) => Type switch
    {
        "blur" => image.BoxBlur(Radius!.Value),
        "gaussian-blur" => image.GaussianBlur(Sigma!.Value),
        "sharpen" => image.Sharpen(Sigma!.Value, Amount!.Value),
        "edge-detect" when Detector == "canny" => image.Canny(Sigma!.Value, Threshold!.Value),
        "edge-detect" => image.Sobel(),
        "median" => image.Median(Size!.Value),
        "emboss" => image.Emboss(),
        "contour" => image.Contour(),
        "grayscale" => image.ToGrayscale(),
        _ => throw new InvalidOperationException($"Unknown filter type {Type}."),
    };
}

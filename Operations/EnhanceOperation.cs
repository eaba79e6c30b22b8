using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Operations;

/// <summary>Brightness, contrast, saturation and sharpness factors in [0, 3]; 1 leaves a property unchanged (see <see cref="EnhanceOptions"/>).</summary>
public sealed record EnhanceOperation(EnhanceOptions Options) : ImageOperation
{
    public const string OperationName = "enhance";

    public static IReadOnlyList<ParameterSpec> Specs { get; } =
    [
        ParameterSpec.Number("brightness", EnhanceOptions.Min, EnhanceOptions.Max, "Multiplies lightness and chroma: 0 black, 1 unchanged, 2 twice as bright.", 1),
        ParameterSpec.Number("contrast", EnhanceOptions.Min, EnhanceOptions.Max, "Scales lightness about its mean: 0 flat grey, 1 unchanged, 2 twice the spread.", 1),
        ParameterSpec.Number("saturation", EnhanceOptions.Min, EnhanceOptions.Max, "Multiplies chroma, hue kept: 0 greyscale, 1 unchanged, 2 twice as vivid.", 1),
        ParameterSpec.Number("sharpness", EnhanceOptions.Min, EnhanceOptions.Max, "Blends with a blurred copy: 0 blurred, 1 unchanged, above 1 sharpened (unsharp mask).", 1),
    ];

    public override string Name => OperationName;

    public override string Canonical => CanonicalText.Of(Name, ("brightness", Options.Brightness), ("contrast", Options.Contrast),
        ("saturation", Options.Saturation), ("sharpness", Options.Sharpness));

    public static EnhanceOperation Parse(OperationArguments args)
    {
        args.RejectUnknown(Specs, OperationName);
        return new EnhanceOperation(new EnhanceOptions
        {
            Brightness = args.Number(Specs[0]) ?? 1,
            Contrast = args.Number(Specs[1]) ?? 1,
            Saturation = args.Number(Specs[2]) ?? 1,
            Sharpness = args.Number(Specs[3]) ?? 1,
        });
    }

    public override VipsImage Apply(VipsImage image, OperationContext context) => image.Enhance(Options);
}

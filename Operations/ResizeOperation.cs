using VisionAspire.Imaging;

namespace VisionAspire.Operations;

/// <summary>
/// Resize into a width × height box: fit (inside, aspect kept), fill (cover, centre-cropped), exact (stretched),
/// pad (fit, then centred on black to the box). Never enlarges unless <see cref="Upscale"/>; exact always hits the box.
/// </summary>
public sealed record ResizeOperation(int? Width, int? Height, ResizeMode Mode, bool Upscale) : ImageOperation
{
    public const string OperationName = "resize";
    private const int Unbounded = 10_000_000;
    private static readonly string[] Modes = ["fit", "fill", "exact", "pad"];

    public override string Name => OperationName;

    public override string Canonical => CanonicalText.Of(Name, ("width", Width), ("height", Height), ("mode", Mode), ("upscale", Upscale));

    public static IReadOnlyList<ParameterSpec> Specs(OperationLimits limits) =>
    [
        ParameterSpec.Integer("width", 1, limits.MaxOutputDimension, "Width of the target box in pixels (fit needs width or height; the other modes need both)."),
        ParameterSpec.Integer("height", 1, limits.MaxOutputDimension, "Height of the target box in pixels."),
        ParameterSpec.Choice("mode", Modes, "fit: inside the box, aspect kept; fill: covers the box, centre-cropped; exact: stretched to the box; pad: fit, then centred on black to exactly the box.", "fit"),
        ParameterSpec.Boolean("upscale", "Allow enlarging an image smaller than the box (exact always reaches the box).", false),
    ];

    public static ResizeOperation Parse(OperationArguments args, OperationLimits limits)
    {
        var specs = Specs(limits);
        args.RejectUnknown(specs, OperationName);
        var width = args.Int(specs[0]);
        var height = args.Int(specs[1]);
        var mode = (args.Choice(specs[2]) ?? "fit") switch
        {
            "fill" => ResizeMode.Fill,
            "exact" => ResizeMode.Exact,
            "pad" => ResizeMode.Pad,
            _ => ResizeMode.Fit,
        };
        if (width is null && height is null)
        {
            throw args.Missing(specs[0], "(width, height or both)");
        }

        if (mode != ResizeMode.Fit && (width is null || height is null))
        {
            throw args.Missing(width is null ? specs[0] : specs[1], $"for mode {mode.ToString().ToLowerInvariant()}");
        }

        return new ResizeOperation(width, height, mode, args.Bool(specs[3]) ?? false);
    }

    /// <summary>Whether the decoder's shrink-on-load path (thumbnail_source, which never enlarges) can do this step.</summary>
    public bool CanShrinkOnLoad => !Upscale || Mode == ResizeMode.Exact;

    public override VipsImage Apply(VipsImage image, OperationContext context) =>
        image.Thumbnail(Width ?? Unbounded, Height, Mode, Upscale);

    /// <summary>
    /// Decodes and resizes in one pass (shrink-on-load); only valid when <see cref="Upscale"/> is false. With
    /// <paramref name="readOnce"/> the result is not held in memory and can be read once (a single encode).
    /// </summary>
    public VipsImage DecodeShrunk(byte[] data, ImageLoadOptions options, bool readOnce = false) => readOnce
        ? VipsImage.ThumbnailOnce(data, Width ?? Unbounded, Height, Mode, options)
        : VipsImage.ThumbnailBuffer(data, Width ?? Unbounded, Height, Mode, options);
}

using VisionAspire.Imaging;

namespace VisionAspire.Operations;

/// <summary>
/// How the result is written: format (null = the source's format when this libvips can write it, else PNG),
/// quality 1-100 (JPEG, WebP, HEIF, AVIF) and whether to strip metadata. The "convert" step of a pipeline.
/// </summary>
public sealed record OutputEncoding(ImageFormat? Format, int Quality, bool Strip)
{
    public const string OperationName = "convert";
    public const int DefaultQuality = 85;

    public static readonly OutputEncoding SourceFormat = new(null, DefaultQuality, true);

    /// <summary>Formats this libvips build can write, by name.</summary>
    public static IReadOnlyList<string> WritableFormats { get; } =
        new[] { ("jpeg", ImageFormat.Jpeg), ("png", ImageFormat.Png), ("webp", ImageFormat.WebP), ("tiff", ImageFormat.Tiff),
                ("gif", ImageFormat.Gif), ("heif", ImageFormat.Heif), ("avif", ImageFormat.Avif) }
            .Where(f => VipsImage.CanEncode(f.Item2)).Select(f => f.Item1).ToList();

    public static IReadOnlyList<ParameterSpec> Specs(bool allowAuto) =>
    [
        ParameterSpec.Choice("format", allowAuto ? [.. WritableFormats, "auto"] : WritableFormats,
            allowAuto ? "Output format; auto picks the best one the Accept header allows (AVIF, WebP, then JPEG/PNG)." : "Output format."),
        ParameterSpec.Integer("quality", 1, 100, "Encoder quality for JPEG, WebP, HEIF and AVIF.", DefaultQuality),
        ParameterSpec.Boolean("strip", "Remove EXIF, XMP, IPTC and ICC metadata.", true),
    ];

    public string Canonical => CanonicalText.Of(OperationName, ("format", Format?.ToString()), ("quality", Quality), ("strip", Strip));

    /// <summary>Parses format/quality/strip. "auto" yields a null format and <paramref name="auto"/> true; the caller negotiates.</summary>
    public static OutputEncoding Parse(OperationArguments args, bool allowAuto, out bool auto)
    {
        var specs = Specs(allowAuto);
        var name = args.Choice(specs[0]);
        auto = name == "auto";
        var format = name is null || auto ? (ImageFormat?)null : ImageFormatSniffer.FromName(name);
        return new OutputEncoding(format, args.Int(specs[1]) ?? DefaultQuality, args.Bool(specs[2]) ?? true);
    }

    /// <summary>The format to write for an image decoded from <paramref name="source"/>.</summary>
    public ImageFormat Resolve(ImageFormat source) =>
        Format ?? (source != ImageFormat.Unknown && VipsImage.CanEncode(source) ? source : ImageFormat.Png);
}

using VisionAspire.Imaging;
using VisionAspire.Imaging.Operations;

namespace VisionAspire.Operations;

/// <summary>
/// Crop to an explicit box (left, top, width, height), or to width × height chosen by a strategy:
/// attention (libvips saliency), entropy (most detail), centre, or faces (smallest region of that aspect ratio
/// holding every detected face, then scaled to the size; centre when no face is found).
/// </summary>
public sealed record CropOperation(string Strategy, int? Left, int? Top, int Width, int Height) : ImageOperation
{
    public const string OperationName = "crop";
    public const string Box = "box";
    public const string Faces = "faces";
    private static readonly string[] Strategies = [Box, "attention", "entropy", "centre", Faces];

    /// <summary>Margin added around each face box (fraction of its size), so hair and chin stay in.</summary>
    private const double FaceMargin = 0.15;

    public override string Name => OperationName;

    public override string Canonical => CanonicalText.Of(Name, ("strategy", Strategy), ("left", Left), ("top", Top), ("width", Width), ("height", Height));

    public static IReadOnlyList<ParameterSpec> Specs(OperationLimits limits) =>
    [
        ParameterSpec.Choice("strategy", Strategies, "box: the explicit left/top/width/height box; attention, entropy, centre: libvips smart crop to width × height; faces: keep every detected face inside a width × height crop.", Box),
        ParameterSpec.Integer("left", 0, limits.MaxOutputDimension * 4, "Left edge of the box in source pixels (strategy box)."),
        ParameterSpec.Integer("top", 0, limits.MaxOutputDimension * 4, "Top edge of the box in source pixels (strategy box)."),
        ParameterSpec.Integer("width", 1, limits.MaxOutputDimension, "Width of the crop in pixels."),
        ParameterSpec.Integer("height", 1, limits.MaxOutputDimension, "Height of the crop in pixels."),
    ];

    public static CropOperation Parse(OperationArguments args, OperationLimits limits)
    {
        var specs = Specs(limits);
        args.RejectUnknown(specs, OperationName);
        var strategy = args.Choice(specs[0]) ?? Box;
        var width = args.Int(specs[3]) ?? throw args.Missing(specs[3], "");
        var height = args.Int(specs[4]) ?? throw args.Missing(specs[4], "");
        if (strategy != Box)
        {
            foreach (var boxOnly in new[] { specs[1], specs[2] })
            {
                if (args.Has(boxOnly.Name))
                {
                    throw new ParameterException(args.Field(boxOnly.Name), $"applies only to strategy box, not {strategy}.");
                }
            }

            return new CropOperation(strategy, null, null, width, height);
        }

        var left = args.Int(specs[1]) ?? throw args.Missing(specs[1], "for strategy box");
        var top = args.Int(specs[2]) ?? throw args.Missing(specs[2], "for strategy box");
        return new CropOperation(strategy, left, top, width, height);
    }

    public override VipsImage Apply(VipsImage image, OperationContext context)
    {
        switch (Strategy)
        {
            case Box:
                if ((long)Left!.Value + Width > image.Width || (long)Top!.Value + Height > image.Height)
                {
                    throw new ParameterException("width",
                        $"the box {Left},{Top} {Width}x{Height} does not lie inside the {image.Width}x{image.Height} image.");
                }

                context.LastCrop = new CropRegion(Left.Value, Top.Value, Width, Height);
                return image.Crop(Left.Value, Top!.Value, Width, Height);
            case Faces:
                return CropAroundFaces(image, context);
            default:
                var strategy = Strategy switch
                {
                    "entropy" => SmartCropStrategy.Entropy,
                    "centre" => SmartCropStrategy.Centre,
                    _ => SmartCropStrategy.Attention,
                };
                context.LastCrop = null;
                return image.CropInteresting(Width, Height, strategy);
        }
    }

    /// <summary>
    /// The planned region when it holds every face; when the faces cannot fit in the asked aspect ratio inside the
    /// image, the region around all of them grown towards that ratio, letterboxed (pad) to the asked size.
    /// </summary>
    private VipsImage CropAroundFaces(VipsImage image, OperationContext context)
    {
        var keep = context.Faces.Locate(image).Select(face => WithMargin(face, image.Width, image.Height)).ToList();
        var region = SmartCrop.PlanAround(image.Width, image.Height, keep, Width, Height);
        var mode = ResizeMode.Fill;
        if (keep.Count > 0 && Union(keep) is var union && !region.Contains(union))
        {
            region = Enclose(union, (double)Width / Height, image.Width, image.Height);
            mode = ResizeMode.Pad;
        }

        context.LastCrop = region;
        using var cropped = image.Crop(region.Left, region.Top, region.Width, region.Height);
        return cropped.Width <= Width && cropped.Height <= Height && mode == ResizeMode.Fill
            ? cropped.Thumbnail(cropped.Width, cropped.Height)
            : cropped.Thumbnail(Width, Height, mode);
    }

    private static CropRegion Union(IReadOnlyList<CropRegion> regions)
    {
        var (left, top) = (regions.Min(r => r.Left), regions.Min(r => r.Top));
        return new CropRegion(left, top, regions.Max(r => r.Right) - left, regions.Max(r => r.Bottom) - top);
    }

    /// <summary>Grows <paramref name="union"/> towards <paramref name="aspect"/> as far as the image allows, centred on it.</summary>
    private static CropRegion Enclose(CropRegion union, double aspect, int imageWidth, int imageHeight)
    {
        var width = Math.Max(union.Width, (int)Math.Min(imageWidth, Math.Ceiling(union.Height * aspect)));
        var height = Math.Max(union.Height, (int)Math.Min(imageHeight, Math.Ceiling(union.Width / aspect)));
        var left = Math.Clamp(union.Left + ((union.Width - width) / 2), 0, imageWidth - width);
        var top = Math.Clamp(union.Top + ((union.Height - height) / 2), 0, imageHeight - height);
        return new CropRegion(left, top, width, height);
    }

    private static CropRegion WithMargin(CropRegion face, int imageWidth, int imageHeight)
    {
        var dx = (int)Math.Ceiling(face.Width * FaceMargin);
        var dy = (int)Math.Ceiling(face.Height * FaceMargin);
        var left = Math.Max(0, face.Left - dx);
        var top = Math.Max(0, face.Top - dy);
        var right = Math.Min(imageWidth, face.Right + dx);
        var bottom = Math.Min(imageHeight, face.Bottom + dy);
        return new CropRegion(left, top, right - left, bottom - top);
    }
}

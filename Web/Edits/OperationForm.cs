namespace VisionAspire.Web.Edits;

/// <summary>One input of an operation form; an empty value is not sent, so the Api applies its default.</summary>
public sealed record OperationField(string Name, string Label, string Default = "", IReadOnlyList<string>? Choices = null, string? Hint = null)
{
    public bool IsChoice => Choices is not null;
}

/// <summary>The synchronous operations of the Api (POST /api/v1/{Name}) with the inputs this app offers for each.</summary>
public sealed record OperationForm(string Name, string Title, IReadOnlyList<OperationField> Fields)
{
    public static readonly IReadOnlyList<OperationForm> All =
    [
        new("resize", "Resize",
        [
            new("width", "Width (px)", "640"),
            new("height", "Height (px)", Hint: "Optional for fit"),
            new("mode", "Mode", "fit", ["fit", "fill", "exact", "pad"]),
        ]),
        new("crop", "Crop",
        [
            new("strategy", "Strategy", "attention", ["box", "attention", "entropy", "centre", "faces"]),
            new("left", "Left (px, box only)"),
            new("top", "Top (px, box only)"),
            new("width", "Width (px)", "400"),
            new("height", "Height (px)", "300"),
        ]),
        new("filter", "Filter",
        [
            new("type", "Filter", "grayscale", ["blur", "gaussian-blur", "sharpen", "edge-detect", "median", "emboss", "contour", "grayscale"]),
            new("radius", "Radius (blur)"),
            new("sigma", "Sigma (gaussian-blur, sharpen, canny)"),
        ]),
        new("enhance", "Enhance",
        [
            new("brightness", "Brightness", "1.1"),
            new("contrast", "Contrast", "1.1"),
            new("saturation", "Saturation", "1.2"),
            new("sharpness", "Sharpness", "1"),
        ]),
        new("convert", "Convert",
        [
            new("format", "Format", "webp", ["jpeg", "png", "webp", "tiff", "gif", "avif"]),
            new("quality", "Quality (1-100)", "80"),
        ]),
    ];
}

namespace VisionAspire.Web.Uploads;

/// <summary>An analysis the Api can run on an upload (its <c>?tasks=</c> names).</summary>
public sealed record UploadTask(string Name, string Label, bool OnByDefault)
{
    public static readonly IReadOnlyList<UploadTask> All =
    [
        new("faces", "Detect faces", true),
        new("classify", "Classify (ImageNet top-5, CIFAR-10)", true),
        new("objects", "Detect objects", true),
        new("ocr", "Read text (OCR)", false),
        new("blur", "Blur faces and plates", false),
    ];
}

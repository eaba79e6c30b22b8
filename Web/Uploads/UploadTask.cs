namespace VisionAspire.Web.Uploads;

/// <summary>
/// An analysis the Api can run on an upload (its <c>?tasks=</c> names). None is chosen at first: the upload then asks
/// for no tasks and the Api picks by the image's kind (faces and identification for photos of people, classification
/// and objects otherwise).
/// </summary>
public sealed record UploadTask(string Name, string Label)
{
    public static readonly IReadOnlyList<UploadTask> All =
    [
        new("faces", "Detect faces"),
        new("recognize", "Identify people (your people)"),
        new("classify", "Classify (ImageNet top-5, CIFAR-10)"),
        new("objects", "Detect objects"),
        new("ocr", "Read text (OCR)"),
        new("blur", "Blur faces and plates"),
    ];
}

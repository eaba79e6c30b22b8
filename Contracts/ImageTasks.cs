namespace VisionAspire.Contracts;

/// <summary>
/// What the pipeline runs on an upload (POST /api/v1/images?tasks=...). An image stores the tasks it was uploaded
/// with; none means the defaults of its kind, decided by the Preprocessor. A new task is a name added to
/// <see cref="All"/> and a worker task that runs it.
/// </summary>
public static class ImageTasks
{
    /// <summary>Face boxes with landmarks (the Preprocessor's detector) and one embedding per face.</summary>
    public const string Faces = "faces";

    /// <summary>Every face identified against the uploader's people gallery (YuNet, MobileFaceNet, exact cosine search).</summary>
    public const string Recognize = "recognize";

    /// <summary>ImageNet top-5 (SqueezeNet) and the CIFAR-10 label derived from it.</summary>
    public const string Classify = "classify";

    /// <summary>COCO-80 boxes (YOLOX-nano).</summary>
    public const string Objects = "objects";

    /// <summary>Lines of printed text (PP-OCRv4).</summary>
    public const string Ocr = "ocr";

    /// <summary>Faces and licence plates blurred; the blurred JPEG is stored as a processed output.</summary>
    public const string Blur = "blur";

    /// <summary>Every task, in the order they are stored and run.</summary>
    public static readonly IReadOnlyList<string> All = [Faces, Recognize, Classify, Objects, Ocr, Blur];

    /// <summary>What an image runs when it was uploaded without tasks.</summary>
    public static IReadOnlyList<string> DefaultFor(string kind) => kind == ImageKinds.Face ? [Faces, Recognize] : [Classify, Objects];

    /// <summary>
    /// The tasks named in <paramref name="values"/> (each a comma-separated list; case and spaces ignored), without
    /// repeats and in the order of <see cref="All"/>; <paramref name="unknown"/> lists the names that are not tasks.
    /// </summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string?> values, out IReadOnlyList<string> unknown)
    {
        var names = values
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(name => name.ToLowerInvariant())
            .Distinct()
            .ToList();
        unknown = names.Where(name => !All.Contains(name)).ToList();
        return All.Where(names.Contains).ToList();
    }
}

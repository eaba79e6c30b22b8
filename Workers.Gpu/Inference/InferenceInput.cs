using VisionAspire.Contracts;
using VisionAspire.Imaging;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// What the tasks of one request read: the request, the original bytes (when some task needs them) and the objects'
/// working copy (the Preprocessor's, else decoded from the original on first use), upright copies of the original at
/// other sizes (each decoded once for all the tasks), the classifier the upload asked for and the image's owner. One
/// request's; not thread-safe.
/// </summary>
public sealed class InferenceInput(
    InferenceRequestedV1 request, byte[]? original, PixelBuffer? workingCopy, int workingSize, string? classifyModel = null, Guid? ownerId = null)
{
    private WorkingImage? _copies;

    public InferenceRequestedV1 Request => request;

    /// <summary>The image's owner (null: ownerless).</summary>
    public Guid? OwnerId => ownerId;

    /// <summary>Upright copies of the original fitted to a size, each decoded once (faces and recognize share the face size).</summary>
    public WorkingImage Copies => _copies ??= new WorkingImage(Original, new ImageLoadOptions());

    /// <summary>The registered classifier "classify" runs; null: the built-in one.</summary>
    public string? ClassifyModel => classifyModel;

    public byte[] Original => original ?? throw new InvalidOperationException("The original was not read for this request.");

    /// <summary>The image fitted to a working-size square, the copy classification and object detection run on.</summary>
    public PixelBuffer ObjectCopy => workingCopy ??= Decode(Original, workingSize);

    /// <summary>Decodes an original to the objects' working copy.</summary>
    public static PixelBuffer Decode(byte[] original, int workingSize) =>
        VipsImage.ThumbnailPixels(original, workingSize, workingSize, ResizeMode.Fit);
}

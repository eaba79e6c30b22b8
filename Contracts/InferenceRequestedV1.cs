namespace VisionAspire.Contracts;

/// <summary>
/// Preprocessor → Workers.Gpu: the image is decoded, oriented, labelled and routed by kind.
/// <see cref="JobItemIndex"/> as in <see cref="ImageUploadedV1"/>. <see cref="Tasks"/> (optional, added compatibly) are
/// the tasks the worker runs, defaults of the kind already applied; null (an older Preprocessor): the kind's defaults.
/// </summary>
public sealed record InferenceRequestedV1(
    Guid ImageId,
    Guid JobId,
    string Kind,
    string StorageKey,
    int Width,
    int Height,
    IReadOnlyList<FaceBoxV1> Faces,
    string FaceModel,
    string FaceModelVersion,
    double FaceDetectionMs,
    int? JobItemIndex = null,
    IReadOnlyList<string>? Tasks = null) : IMessage
{
    public static string MessageType => "inference.requested.v1";
}

/// <summary>A face box in original (auto-rotated) image pixels, with optional 5 landmarks as x0,y0,..,x4,y4.</summary>
public sealed record FaceBoxV1(float X, float Y, float Width, float Height, float Score, IReadOnlyList<float>? Landmarks);

namespace VisionAspire.Models;

/// <summary>
/// Labels an image <c>face</c> or <c>object</c>: it is <c>face</c> when at least one face with a score of at least
/// <see cref="MinFaceScore"/> covers at least <see cref="MinFaceAreaShare"/> of the image area; otherwise <c>object</c>.
/// <para>
/// Thresholds were chosen on the shared photos with both UltraFace RFB-320 and YuNet (docs/models.md lists the
/// per-image evidence). Real faces there score 0.87-1.00; YuNet's one false positive (the bear's head) scores 0.79,
/// so 0.85 separates them. The largest face of each portrait/group photo covers 1.76-5.5 % of the frame
/// (smallest: faces_family_five), while bus.jpg's two passers-by cover 0.23-0.26 %: the bus photo is an
/// <c>object</c> photo with incidental faces, so the area share sits between them at 0.5 %.
/// </para>
/// </summary>
public static class ImageKindLabeller
{
    public const string Face = "face";
    public const string Object = "object";

    public const float MinFaceScore = 0.85f;
    public const float MinFaceAreaShare = 0.005f;

    public static string Label(IReadOnlyList<FaceDetection> faces, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var minArea = MinFaceAreaShare * width * height;
        return faces.Any(f => f.Score >= MinFaceScore && f.Box.Area >= minArea) ? Face : Object;
    }
}

namespace VisionAspire.Models;

/// <summary>
/// <see cref="ImageKindLabeller"/> with a second opinion, so animals do not pass for people: a qualifying face of the
/// primary detector counts only when a YuNet face with plausible human landmarks (<see cref="FaceLandmarkGeometry"/>)
/// and a score of at least <see cref="MinConfirmationScore"/> overlaps it (IoU at least <see cref="MinOverlap"/>).
/// The choice and the per-photo evidence are in BENCHMARKS.md ("Face/object labeller").
/// </summary>
public static class ConfirmedFaceLabeller
{
    public const float MinConfirmationScore = ImageKindLabeller.MinFaceScore;
    public const float MinOverlap = 0.3f;

    /// <param name="candidates">The primary detector's faces (UltraFace, or YuNet itself).</param>
    /// <param name="confirmers">YuNet's faces on the same pixels, with landmarks.</param>
    public static string Label(IReadOnlyList<FaceDetection> candidates, IReadOnlyList<FaceDetection> confirmers, int width, int height)
    {
        var confirmed = candidates.Where(c => confirmers.Any(y => y.Score >= MinConfirmationScore
            && FaceLandmarkGeometry.IsPlausible(y) && IoU(c.Box, y.Box) >= MinOverlap)).ToList();
        return ImageKindLabeller.Label(confirmed, width, height);
    }

    private static float IoU(Box a, Box b)
    {
        var w = Math.Min(a.X + a.Width, b.X + b.Width) - Math.Max(a.X, b.X);
        var h = Math.Min(a.Y + a.Height, b.Y + b.Height) - Math.Max(a.Y, b.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }
        var intersection = w * h;
        return intersection / (a.Area + b.Area - intersection);
    }
}

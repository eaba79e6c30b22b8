using VisionAspire.Imaging;

namespace VisionAspire.Models;

/// <summary>Why a detected face was not embedded.</summary>
public enum FaceUnusableReason
{
    None,
    TooSmall,
    TooBlurry,
}

/// <summary>
/// A detected face and its L2-normalised embedding, or the reason it has none. <see cref="Sharpness"/>: variance of
/// Laplacian of the aligned grey crop (0 when the face was too small to measure). <see cref="Aligned"/>: the face as the
/// embedder saw it (<see cref="FaceEmbedder.AlignCrop"/>), when the caller asked for it (enrolment keeps it).
/// </summary>
public sealed record RecognizedFace(FaceDetection Detection, float[]? Embedding, FaceUnusableReason Unusable, double Sharpness, PixelBuffer? Aligned = null)
{
    public bool IsUsable => Embedding is not null;
}

using VisionAspire.Models;

namespace VisionAspire.Shared.Faces;

/// <summary>Bound from "Vision:Recognition": the face-quality gate and identification defaults (recognize, people faces).</summary>
public sealed class RecognizeOptions
{
    public const string Section = "Vision:Recognition";

    /// <summary>
    /// Cosine similarity from which a gallery person counts as a match. Measured with `faces-calibrate` on the shared
    /// photos (docs/face-recognition.md): the same face in edited copies 0.62-1.00, different people -0.26..0.37.
    /// </summary>
    public float DefaultThreshold { get; set; } = 0.5f;

    public FaceQualityOptions Quality { get; set; } = new();

    /// <summary>How often each worker looks for enrolled faces of another embedding model than the active one.</summary>
    public TimeSpan ReembedInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Faces re-embedded and written per transaction.</summary>
    public int ReembedBatchSize { get; set; } = 64;
}

namespace VisionAspire.Preprocessor.Analysis;

/// <summary>Bound from the "Vision:Preprocess" configuration section.</summary>
public sealed class PreprocessingOptions
{
    public const string Section = "Vision:Preprocess";

    /// <summary>Catalog id of the face detector: "ultraface-rfb-320" (default), "ultraface-rfb-640" or "yunet-2023mar".</summary>
    public string FaceDetector { get; set; } = "ultraface-rfb-320";

    /// <summary>
    /// Long side, in pixels, of the working copy that faces are detected on (boxes are scaled back). The detectors'
    /// inputs are 320x240 (UltraFace-320) to 640x640 (YuNet), so 640 loses nothing, and JPEG shrink-on-load makes
    /// the decode several times cheaper than a full-size one.
    /// </summary>
    public int WorkingSize { get; set; } = 640;

    /// <summary>
    /// Uploads handled at once: decoding and detection overlap the database, Redis and broker waits. More than a
    /// few only oversubscribes the cores the workers need too (4 measured best on 2 cores; BENCHMARKS.md).
    /// </summary>
    public ushort Concurrency { get; set; } = 4;

    /// <summary>Largest accepted width*height of a decoded image.</summary>
    public long MaxPixels { get; set; } = 50_000_000;
}

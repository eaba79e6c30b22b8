namespace VisionAspire.Preprocessor.Analysis;

/// <summary>Bound from the "Vision:Preprocess" configuration section.</summary>
public sealed class PreprocessingOptions
{
    public const string Section = "Vision:Preprocess";

    /// <summary>Catalog id of the face detector: "ultraface-rfb-320" (default), "ultraface-rfb-640" or "yunet-2023mar".</summary>
    public string FaceDetector { get; set; } = "ultraface-rfb-320";

    /// <summary>Long side, in pixels, of the working copy that faces are detected on (boxes are scaled back).</summary>
    public int WorkingSize { get; set; } = 1280;

    /// <summary>Largest accepted width*height of a decoded image.</summary>
    public long MaxPixels { get; set; } = 50_000_000;
}

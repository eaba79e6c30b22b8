namespace VisionAspire.Models;

/// <summary>When a detected face is good enough to embed. Bound from configuration by the services that recognise faces.</summary>
public sealed class FaceQualityOptions
{
    /// <summary>Faces whose box is narrower or lower than this (pixels of the image searched) are too small to identify.</summary>
    public float MinFaceSize { get; set; } = 40;

    /// <summary>
    /// Faces whose aligned 112x112 grey crop has a variance of Laplacian below this are too blurry. Measured on the
    /// shared photos (`faces-calibrate`, docs/face-recognition.md): the 20 unedited faces score 92-2523; blurred with
    /// sigma 3 they score 1-34, except the one 176 px face at 80 (sigma 3 there is only 1.9 px at template scale).
    /// </summary>
    public double MinSharpness { get; set; } = 50;
}

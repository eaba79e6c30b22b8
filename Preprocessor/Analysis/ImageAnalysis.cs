using VisionAspire.Imaging;
using VisionAspire.Models;

namespace VisionAspire.Preprocessor.Analysis;

/// <summary>
/// What preprocessing learns about one image; face boxes are in original (auto-rotated) pixels. <see cref="Working"/>
/// is the decoded copy faces were detected on, fitted to a WorkingSize square.
/// </summary>
public sealed record ImageAnalysis(
    int Width, int Height, string Kind, IReadOnlyList<FaceDetection> Faces, double FaceDetectionMs, PixelBuffer Working);

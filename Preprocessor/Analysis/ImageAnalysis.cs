using VisionAspire.Models;

namespace VisionAspire.Preprocessor.Analysis;

/// <summary>What preprocessing learns about one image; face boxes are in original (auto-rotated) pixels.</summary>
public sealed record ImageAnalysis(int Width, int Height, string Kind, IReadOnlyList<FaceDetection> Faces, double FaceDetectionMs);

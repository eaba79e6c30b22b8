namespace VisionAspire.Models;

/// <summary>
/// The faces of one image, highest detection score first: box and landmarks in the upright original's pixels, the
/// embedding (null when unusable) and the models that made them.
/// </summary>
public sealed record RecognizedImage(int Width, int Height, ModelEntry Detector, ModelEntry Embedder, IReadOnlyList<RecognizedFace> Faces);

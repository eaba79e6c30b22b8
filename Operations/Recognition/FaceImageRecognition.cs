using VisionAspire.Models;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Operations.Recognition;

/// <summary>
/// The faces of one image as recognize, enrolment and the workers' recognize task see them: YuNet on the
/// <see cref="WorkingImage.FaceSize"/> copy, each face checked and embedded (<see cref="FaceRecognizer"/>), boxes and
/// landmarks reported in the upright original's pixels.
/// </summary>
public static class FaceImageRecognition
{
    /// <param name="keepAligned">Whether each usable face keeps its aligned crop (<see cref="RecognizedFace.Aligned"/>), for enrolment.</param>
    public static RecognizedImage Recognize(WorkingImage image, FaceRecognizer recognizer, IModelRunner runner, bool keepAligned = false)
    {
        var copy = image.At(WorkingImage.FaceSize);
        var detected = runner.Run(recognizer.Detector.Model, () => recognizer.Detector.Detect(copy.Pixels));
        var faces = detected.OrderByDescending(f => f.Score)
            .Select(face => runner.Run(recognizer.Embedder.Model, () => recognizer.Assess(copy.Pixels, face)))
            .Select(face => keepAligned && face.IsUsable ? face with { Aligned = FaceEmbedder.AlignCrop(copy.Pixels, face.Detection) } : face)
            .Select(face => face with { Detection = ToOriginal(copy, face.Detection) })
            .ToList();
        return new RecognizedImage(copy.OriginalWidth, copy.OriginalHeight, recognizer.Detector.Model, recognizer.Embedder.Model, faces);
    }

    private static FaceDetection ToOriginal(WorkingCopy copy, FaceDetection face) =>
        new(copy.ToOriginal(face.Box), face.Score, face.Landmarks?.Select(copy.ToOriginal).ToList());
}

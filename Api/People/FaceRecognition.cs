using VisionAspire.Api.Inference;
using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.People;

/// <summary>
/// Detects, checks and embeds the faces of a request's image on the operation runner (timeout, concurrency bound),
/// on the 1280 px working copy detect-faces uses; faces are reported in original pixels. Thread-safe singleton.
/// </summary>
public sealed class FaceRecognition(AiModels models, OperationExecutor executor, OperationLimits limits)
{
    public Task<RecognizedImage> RecognizeAsync(SourceImage source, CancellationToken ct) =>
        executor.RunAsync(() => Recognize(source), ct);

    private RecognizedImage Recognize(SourceImage source)
    {
        var copy = new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }).At(WorkingImage.FaceSize);
        var recognizer = models.Recognizer;
        var detected = models.Run(recognizer.Detector.Model, () => recognizer.Detector.Detect(copy.Pixels));
        var faces = detected.OrderByDescending(f => f.Score)
            .Select(face => models.Run(recognizer.Embedder.Model, () => recognizer.Assess(copy.Pixels, face)))
            .Select(face => face with { Detection = ToOriginal(copy, face.Detection) })
            .ToList();
        return new RecognizedImage(copy.OriginalWidth, copy.OriginalHeight, recognizer.Detector.Model, recognizer.Embedder.Model, faces);
    }

    private static FaceDetection ToOriginal(WorkingCopy copy, FaceDetection face) =>
        new(copy.ToOriginal(face.Box), face.Score, face.Landmarks?.Select(copy.ToOriginal).ToList());
}

using VisionAspire.Api.Inference;
using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Recognition;
using VisionAspire.Operations.Redaction;

namespace VisionAspire.Api.People;

/// <summary>
/// Detects, checks and embeds the faces of a request's image (<see cref="FaceImageRecognition"/>) on the operation
/// runner (timeout, concurrency bound). Thread-safe singleton.
/// </summary>
public sealed class FaceRecognition(AiModels models, OperationExecutor executor, OperationLimits limits)
{
    public Task<RecognizedImage> RecognizeAsync(SourceImage source, CancellationToken ct) =>
        executor.RunAsync(() => FaceImageRecognition.Recognize(
            new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }), models.Recognizer, models), ct);
}

using Microsoft.Extensions.Options;
using VisionAspire.Api.Inference;
using VisionAspire.Api.Operations;
using VisionAspire.Imaging;
using VisionAspire.Models;
using VisionAspire.Operations;
using VisionAspire.Operations.Recognition;
using VisionAspire.Operations.Redaction;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Api.People;

/// <summary>
/// Detects, checks and embeds the faces of a request's image (<see cref="FaceImageRecognition"/>) with the active
/// embedding model, on the operation runner (timeout, concurrency bound). Thread-safe singleton.
/// </summary>
public sealed class FaceRecognition(
    AiModels models, ActiveFaceEmbedder embedders, IOptions<RecognizeOptions> options, OperationExecutor executor, OperationLimits limits)
{
    /// <param name="keepAligned">Whether usable faces keep their aligned crops (enrolment stores them for re-embedding).</param>
    public async Task<RecognizedImage> RecognizeAsync(SourceImage source, CancellationToken ct, bool keepAligned = false)
    {
        using var embedder = await embedders.AcquireAsync(ct);
        var recognizer = new FaceRecognizer(models.YuNet, embedder.Model, options.Value.Quality);
        return await executor.RunAsync(() => FaceImageRecognition.Recognize(
            new WorkingImage(source.Data, new ImageLoadOptions { MaxPixels = limits.MaxInputPixels }), recognizer, models, keepAligned), ct);
    }
}

using Microsoft.Extensions.Options;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Models;
using VisionAspire.Operations.Recognition;
using VisionAspire.Shared;
using VisionAspire.Shared.Faces;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// "recognize": every face of the image (YuNet on the face-size copy, quality gate, MobileFaceNet) identified against
/// the people of the image's owner, as POST /api/v1/recognize does for that owner (an ownerless image, or an admin's,
/// against everyone's), with the registry's active embedding model. One "face-recognition" row per face, highest detection score first: label = status
/// (identified, unknown, unusable), confidence = best similarity, payload = box, landmarks and the top matches; model =
/// the embedder (only its embeddings are compared). The search runs after the compute gate (it reads Postgres).
/// Thread-safe.
/// </summary>
public sealed class RecognizeInference(
    WorkerModels models, ActiveFaceEmbedder embedders, FaceIdentifier identifier, UserRepository users, IOptions<RecognizeOptions> options)
    : IInferenceTask
{
    /// <summary>People listed per face, as recognize's default.</summary>
    public const int Top = 3;

    public string Name => ImageTasks.Recognize;

    public bool UsesWorkingCopyOnly => false;

    public async Task PrepareAsync(ImageRecord image, CancellationToken ct)
    {
        using var loaded = await embedders.AcquireAsync(ct);
    }

    public TaskOutcome Run(InferenceInput input)
    {
        using var embedder = embedders.AcquireLoaded();
        var recognizer = new FaceRecognizer(models.FaceDetector, embedder.Model, options.Value.Quality);
        var timer = new TimedRuns();
        var image = FaceImageRecognition.Recognize(input.Copies, recognizer, timer);
        var (imageId, ownerId, modelMs) = (input.Request.ImageId, input.OwnerId, timer.Milliseconds);
        return new TaskOutcome([]) { Completion = ct => IdentifyAsync(imageId, ownerId, image, modelMs, ct) };
    }

    private async Task<TaskOutcome> IdentifyAsync(Guid imageId, Guid? ownerId, RecognizedImage image, double modelMs, CancellationToken ct)
    {
        var threshold = options.Value.DefaultThreshold;
        var identified = await identifier.IdentifyAsync(image, Top, threshold, await ScopeOfAsync(ownerId, ct), ct);
        return new TaskOutcome([.. identified.Select(face => new PredictionRecord(imageId, PredictionTasks.FaceRecognition,
            image.Embedder.Id, image.Embedder.Version, face.Status, face.Matches.Count > 0 ? face.Matches[0].Similarity : null,
            PredictionPayloads.RecognizedFace(face, image.Detector, threshold), modelMs))]);
    }

    /// <summary>Whose people the image is compared with: its owner's, or everyone's when it has none or its owner is an admin (as the Api scopes an admin).</summary>
    private async Task<OwnerScope> ScopeOfAsync(Guid? ownerId, CancellationToken ct)
    {
        if (ownerId is not { } id)
        {
            return OwnerScope.Everyone;
        }
        var owner = await users.GetAsync(id, ct);
        return owner?.Role == UserRoles.Admin ? OwnerScope.Everyone : OwnerScope.Of(id);
    }

    /// <summary>Each model call in its span, summed: the rows share the image's model time, as the other tasks' rows do.</summary>
    private sealed class TimedRuns : IModelRunner
    {
        public double Milliseconds { get; private set; }

        public T Run<T>(ModelEntry model, Func<T> run)
        {
            var result = WorkerTelemetry.RunModel(model, run, out var ms);
            Milliseconds += ms;
            return result;
        }
    }
}

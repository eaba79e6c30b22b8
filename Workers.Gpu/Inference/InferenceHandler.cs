using System.Diagnostics;
using StackExchange.Redis;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Shared;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// Runs one InferenceRequestedV1: claims the image (processing), then predictions, "completed" and the job item in
/// one transaction, then the Api's result cache (and the Preprocessor's working copy) is dropped. Object images are classified from the
/// Preprocessor's working copy when Redis still has it, else from the original. Returns normally for messages that must not be retried (the image is gone,
/// already completed, or undecodable); throws for transient failures. Thread-safe.
/// </summary>
public sealed class InferenceHandler(
    ImageRepository images,
    PredictionRepository predictions,
    OriginalImageSource originals,
    WorkingCopies workingCopies,
    FaceInference faces,
    ObjectInference objects,
    ComputeGate compute,
    JobProgress jobs,
    IDatabase redis,
    ILogger<InferenceHandler> logger)
{
    public async Task HandleAsync(InferenceRequestedV1 request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Activity.Current?.SetTag("visionaspire.image.id", request.ImageId);
        var image = await images.ClaimForInferenceAsync(request.ImageId, ct);
        if (image is null)
        {
            await SettleUnclaimedAsync(request, ct);
            return;
        }

        var working = request.Kind == ImageKinds.Object ? await TryGetWorkingCopyAsync(image.Id, ct) : null;
        var bytes = working is null ? await originals.ReadAsync(image.Id, image.StorageKey, ct) : null;
        if (working is null && bytes is null)
        {
            await FailAsync(request, "The original is missing from the object store.", ct);
            return;
        }

        IReadOnlyList<PredictionRecord> rows;
        try
        {
            rows = await compute.RunAsync(() => request.Kind == ImageKinds.Face
                ? faces.Run(request, bytes!)
                : objects.Run(request, working ?? objects.Decode(bytes!)), ct);
        }
        catch (ImagingException ex)
        {
            await FailAsync(request, $"Cannot decode the image: {ex.Message}", ct);
            return;
        }

        // Predictions, "completed" and the job item in one transaction: a crash leaves all or none of them.
        using (var store = WorkerTelemetry.Source.StartActivity("store predictions"))
        {
            store?.SetTag("visionaspire.image.id", image.Id);
            var item = await jobs.ResolveItemAsync(request.JobId, request.JobItemIndex, image.Id, ct);
            await predictions.CompleteImageAsync(image.Id, rows, item, ct);
        }

        PipelineMetrics.ImageCompleted(request.Kind);
        PipelineMetrics.StageCompleted(PipelineMetrics.InferenceStage, clock.Elapsed, request.Kind);
        PipelineMetrics.StageCompleted(PipelineMetrics.EndToEndStage, DateTimeOffset.UtcNow - image.CreatedAt, request.Kind);
        await DropCachedResultAsync(image.Id, ct);
        logger.LogDebug("Completed {ImageId} ({Kind}): {Rows} prediction(s)", image.Id, request.Kind, rows.Count);
    }

    /// <summary>The image could not be claimed: it is gone, or already completed or failed.</summary>
    private async Task SettleUnclaimedAsync(InferenceRequestedV1 request, CancellationToken ct)
    {
        var image = await images.GetAsync(request.ImageId, ct);
        if (image is null)
        {
            logger.LogWarning("Skipping inference of {ImageId}: no such image", request.ImageId);
            return;
        }

        if (image.Status is ImageStatus.Completed or ImageStatus.Failed)
        {
            // Redelivered after a crash between the database write and the ack: finish the bookkeeping (idempotent).
            await jobs.CompleteAsync(request.JobId, request.JobItemIndex, image.Id, null, image.Status == ImageStatus.Failed ? image.Error ?? "failed" : null, ct);
            await DropCachedResultAsync(image.Id, ct);
            return;
        }

        // Moved back since the claim by a redelivered upload; the Preprocessor publishes the request again.
        logger.LogDebug("Skipping inference of {ImageId} (status {Status})", image.Id, image.Status);
    }

    private async Task FailAsync(InferenceRequestedV1 request, string reason, CancellationToken ct)
    {
        logger.LogWarning("Image {ImageId} failed inference: {Reason}", request.ImageId, reason);
        PipelineMetrics.ImageFailed(request.Kind, PipelineMetrics.InferenceStage);
        // The job item first: a reader who sees the image failed must see the job count it (see the Preprocessor's FailAsync).
        await jobs.CompleteAsync(request.JobId, request.JobItemIndex, request.ImageId, null, reason, ct);
        await images.UpdateStatusAsync(request.ImageId, ImageStatus.Failed, reason, ct);
        await DropCachedResultAsync(request.ImageId, ct);
    }

    /// <summary>The Preprocessor's decoded copy at the objects' working size, or null (then the original is decoded).</summary>
    private async Task<PixelBuffer?> TryGetWorkingCopyAsync(Guid imageId, CancellationToken ct)
    {
        try
        {
            return await workingCopies.GetAsync(imageId, objects.WorkingSize, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading the working copy of {ImageId} failed; decoding the original", imageId);
            return null;
        }
    }

    /// <summary>Drops the Api's cached view of the image and the working copy handed over for it.</summary>
    private async Task DropCachedResultAsync(Guid imageId, CancellationToken ct)
    {
        try
        {
            await redis.KeyDeleteAsync([CacheKeys.Result(imageId), CacheKeys.WorkingCopy(imageId, objects.WorkingSize)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only terminal states are cached and this image just reached one; a stale entry expires within the hour.
            logger.LogWarning(ex, "Dropping the cached result of {ImageId} failed", imageId);
        }
    }
}

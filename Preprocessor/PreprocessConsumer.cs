using System.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Messaging;
using VisionAspire.Models;
using VisionAspire.Preprocessor.Analysis;
using VisionAspire.Shared;

namespace VisionAspire.Preprocessor;

/// <summary>
/// Consumes ImageUploadedV1: analyse, record, route the image's tasks (chosen at upload, else its kind's) to an inference queue.
/// An image that cannot be decoded ends <c>failed</c> and its message is acked; infrastructure errors
/// propagate so the consumer base retries the message.
/// </summary>
public sealed class PreprocessConsumer(
    BrokerConnection broker,
    ImageRepository images,
    OriginalImageSource originals,
    ImageAnalyzer analyzer,
    ComputeGate compute,
    PublisherPool publisher,
    WorkingCopies workingCopies,
    JobProgress jobs,
    IDatabase redis,
    IOptions<PreprocessingOptions> options,
    ILogger<PreprocessConsumer> logger) : QueueConsumer<ImageUploadedV1>(broker, logger)
{
    protected override string QueueName => Queues.Preprocess;

    protected override ushort ConcurrentHandlers => options.Value.Concurrency;

    protected override bool IsBackendOutage(Exception error) => BackendOutages.IsOutage(error);

    protected override async Task HandleAsync(ImageUploadedV1 message, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Activity.Current?.SetTag("visionaspire.image.id", message.ImageId);
        // Read, not claimed: the stage's one status write is "queued" with the results (a claim cost a transaction,
        // its triggers and a NOTIFY per image); a redelivery redoes the image idempotently either way.
        var image = await images.GetAsync(message.ImageId, OwnerScope.Everyone, ct);
        if (image is null || !ImageRepository.AwaitsPreprocessing(image.Status))
        {
            await SettleNotAwaitingAsync(message, image, ct);
            return;
        }

        var bytes = await originals.ReadAsync(image.Id, image.StorageKey, ct);
        if (bytes is null)
        {
            await FailAsync(message, "The original is missing from the object store.", ct);
            return;
        }

        ImageAnalysis analysis;
        try
        {
            analysis = await compute.RunAsync(() => analyzer.Analyze(bytes), ct);
        }
        catch (ImagingException ex)
        {
            await FailAsync(message, $"Cannot decode the image: {ex.Message}", ct);
            return;
        }

        await images.SetPreprocessedAsync(image.Id, analysis.Width, analysis.Height, analysis.Kind, ct);
        var tasks = TaskRouting.TasksOf(message, image, analysis.Kind);
        if (TaskRouting.UsesWorkingCopy(tasks))
        {
            await OfferWorkingCopyAsync(image.Id, analysis, ct);
        }

        using (var route = PreprocessorTelemetry.Source.StartActivity("route"))
        {
            route?.SetTag("visionaspire.kind", analysis.Kind);
            route?.SetTag("visionaspire.tasks", string.Join(',', tasks));
            await publisher.PublishAsync(TaskRouting.QueueFor(tasks), ToRequest(message, analysis, tasks), ct);
        }

        PipelineMetrics.StageCompleted(PipelineMetrics.PreprocessStage, clock.Elapsed, analysis.Kind);
        logger.LogDebug("Preprocessed {ImageId}: {Width}x{Height}, {Faces} face(s), kind {Kind}",
            image.Id, analysis.Width, analysis.Height, analysis.Faces.Count, analysis.Kind);
    }

    /// <summary>The image is not waiting for preprocessing: it failed, is gone, or the workers already own it.</summary>
    private async Task SettleNotAwaitingAsync(ImageUploadedV1 message, ImageRecord? image, CancellationToken ct)
    {
        if (image?.Status == ImageStatus.Failed)
        {
            // Redelivered after a crash between failing the image and acking: finish the bookkeeping (idempotent).
            await jobs.CompleteAsync(message.JobId, message.JobItemIndex, image.Id, null, image.Error ?? "failed", ct);
            return;
        }

        // A re-published or redelivered upload of an image the workers already own.
        logger.LogDebug("Skipping upload event of {ImageId} (status {Status})", message.ImageId, image?.Status ?? "missing");
    }

    /// <summary>Workers classify and detect objects at the working size too: they can skip decoding the original again.</summary>
    private async Task OfferWorkingCopyAsync(Guid imageId, ImageAnalysis analysis, CancellationToken ct)
    {
        try
        {
            await workingCopies.StoreAsync(imageId, options.Value.WorkingSize, analysis.Working, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not hand the working copy of {ImageId} to the workers; they decode the original", imageId);
        }
    }

    private InferenceRequestedV1 ToRequest(ImageUploadedV1 message, ImageAnalysis analysis, IReadOnlyList<string> tasks) => new(
        message.ImageId,
        message.JobId,
        analysis.Kind,
        message.StorageKey,
        analysis.Width,
        analysis.Height,
        analysis.Faces.Select(ToFaceBox).ToList(),
        analyzer.FaceModel.Id,
        analyzer.FaceModel.Version,
        analysis.FaceDetectionMs,
        message.JobItemIndex,
        tasks);

    private static FaceBoxV1 ToFaceBox(FaceDetection face) => new(
        face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height, face.Score,
        face.Landmarks?.SelectMany(l => new[] { l.X, l.Y }).ToList());

    private async Task FailAsync(ImageUploadedV1 message, string reason, CancellationToken ct)
    {
        logger.LogWarning("Image {ImageId} failed preprocessing: {Reason}", message.ImageId, reason);
        PipelineMetrics.ImageFailed(null, PipelineMetrics.PreprocessStage);
        // The job item first: a reader who sees the image failed must see the job count it (completing the item again
        // after a crash in between is idempotent, and the redelivered message fails the image again).
        await jobs.CompleteAsync(message.JobId, message.JobItemIndex, message.ImageId, null, reason, ct);
        await images.UpdateStatusAsync(message.ImageId, ImageStatus.Failed, reason, ct);
        await DropCachedResultAsync(message.ImageId);
    }

    /// <summary>Drops the Api's cached view of the image; Redis being down must not stop the failure being recorded.</summary>
    private async Task DropCachedResultAsync(Guid imageId)
    {
        try
        {
            await redis.KeyDeleteAsync(CacheKeys.Result(imageId));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Only terminal states are cached; a stale entry expires within the hour.
            logger.LogWarning(ex, "Dropping the cached result of {ImageId} failed", imageId);
        }
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Shared;
using VisionAspire.Shared.ModelRegistry;
using VisionAspire.Storage;

namespace VisionAspire.Workers.Gpu.Inference;

/// <summary>
/// Runs one InferenceRequestedV1: reads the image (skipped once it is completed or failed), runs the tasks it names (the kind's defaults when it
/// names none), stores the images some tasks produce (object store, then their row), then predictions, "completed" and
/// the job item in one transaction, then the Api's result cache (and the Preprocessor's working copy) is dropped. Tasks
/// on the objects' working size use the Preprocessor's copy when Redis still has it; the original is read when a task
/// needs it or the copy is gone. Returns normally for messages that must not be retried (the image is gone, already
/// completed, undecodable, or asks for a task this worker does not run); throws for transient failures. Thread-safe.
/// </summary>
public sealed class InferenceHandler(
    ImageRepository images,
    PredictionRepository predictions,
    ProcessedOutputRepository outputs,
    IObjectStore store,
    OriginalImageSource originals,
    WorkingCopies workingCopies,
    IEnumerable<IInferenceTask> tasks,
    IOptions<WorkerInferenceOptions> options,
    ComputeGate compute,
    JobProgress jobs,
    IDatabase redis,
    ILogger<InferenceHandler> logger)
{
    private readonly Dictionary<string, IInferenceTask> _tasks = tasks.ToDictionary(t => t.Name, StringComparer.Ordinal);

    private int WorkingSize => options.Value.ObjectWorkingSize;

    public async Task HandleAsync(InferenceRequestedV1 request, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Activity.Current?.SetTag("visionaspire.image.id", request.ImageId);
        // Read, not claimed: the stage's one status write is "completed" with the predictions (a claim cost a
        // transaction, its triggers and a NOTIFY per image); a redelivered request redoes the image idempotently.
        var image = await images.GetAsync(request.ImageId, OwnerScope.Everyone, ct);
        if (image is null || ImageRepository.IsFinal(image.Status))
        {
            await SettleFinishedAsync(request, image, ct);
            return;
        }

        var names = request.Tasks ?? ImageTasks.DefaultFor(request.Kind);
        if (names.FirstOrDefault(name => !_tasks.ContainsKey(name)) is { } unknown)
        {
            await FailAsync(request, $"This worker does not run task '{unknown}'; it runs {string.Join(", ", _tasks.Keys)}.", ct);
            return;
        }

        var toRun = names.Select(name => _tasks[name]).ToList();
        try
        {
            foreach (var task in toRun)
            {
                await task.PrepareAsync(image, ct);
            }
        }
        catch (Exception ex) when (ex is UnknownModelException or ModelVersionUnavailableException)
        {
            await FailAsync(request, ex.Message, ct);
            return;
        }

        var working = toRun.Any(t => t.UsesWorkingCopyOnly) ? await TryGetWorkingCopyAsync(image.Id, ct) : null;
        var needsOriginal = toRun.Any(t => !t.UsesWorkingCopyOnly || working is null);
        var bytes = needsOriginal ? await originals.ReadAsync(image.Id, image.StorageKey, ct) : null;
        if (needsOriginal && bytes is null)
        {
            await FailAsync(request, "The original is missing from the object store.", ct);
            return;
        }

        IReadOnlyList<(string Task, TaskOutcome Outcome)> outcomes;
        try
        {
            outcomes = await compute.RunAsync(() =>
            {
                var input = new InferenceInput(request, bytes, working, WorkingSize, image.ClassifyModel, image.UserId);
                return toRun.Select(task => (task.Name, task.Run(input))).ToList();
            }, ct);
        }
        catch (ImagingException ex)
        {
            await FailAsync(request, $"Cannot decode the image: {ex.Message}", ct);
            return;
        }

        outcomes = await CompleteAsync(outcomes, ct);
        await StoreProcessedAsync(image, outcomes, ct);
        var rows = outcomes.SelectMany(o => o.Outcome.Predictions).ToList();

        // Predictions, "completed" and the job item in one transaction: a crash leaves all or none of them.
        using (var stored = WorkerTelemetry.Source.StartActivity("store predictions"))
        {
            stored?.SetTag("visionaspire.image.id", image.Id);
            var item = await jobs.ResolveItemAsync(request.JobId, request.JobItemIndex, image.Id, ct);
            await predictions.CompleteImageAsync(image.Id, rows, item, ct);
        }

        PipelineMetrics.ImageCompleted(request.Kind);
        PipelineMetrics.StageCompleted(PipelineMetrics.InferenceStage, clock.Elapsed, request.Kind);
        PipelineMetrics.StageCompleted(PipelineMetrics.EndToEndStage, DateTimeOffset.UtcNow - image.CreatedAt, request.Kind);
        await DropCachedResultAsync(image.Id, ct);
        logger.LogDebug("Completed {ImageId} ({Kind}; {Tasks}): {Rows} prediction(s)", image.Id, request.Kind, string.Join(',', names), rows.Count);
    }

    /// <summary>The I/O some outcomes still need (<see cref="TaskOutcome.Completion"/>), outside the compute gate.</summary>
    private static async Task<IReadOnlyList<(string Task, TaskOutcome Outcome)>> CompleteAsync(
        IReadOnlyList<(string Task, TaskOutcome Outcome)> outcomes, CancellationToken ct)
    {
        var completed = new List<(string Task, TaskOutcome Outcome)>(outcomes.Count);
        foreach (var (task, outcome) in outcomes)
        {
            completed.Add((task, outcome.Completion is { } complete ? await complete(ct) : outcome));
        }
        return completed;
    }

    /// <summary>
    /// Each produced image under its task's key (a task that runs again, e.g. for a redelivered message, overwrites it),
    /// then its row: a reader that finds the row finds the object.
    /// </summary>
    private async Task StoreProcessedAsync(ImageRecord image, IReadOnlyList<(string Task, TaskOutcome Outcome)> outcomes, CancellationToken ct)
    {
        foreach (var (task, outcome) in outcomes)
        {
            if (outcome.Output is not { } output)
            {
                continue;
            }

            using var activity = WorkerTelemetry.Source.StartActivity("store processed output");
            var key = StorageKeys.Processed(image.Id, image.CreatedAt, task, output.Extension);
            activity?.SetTag("visionaspire.storage.key", key);
            await store.PutAsync(key, output.Data, output.ContentType, ct);
            await outputs.RecordAsync(new ProcessedOutput(
                image.Id, task, key, output.ContentType, output.Data.Length, output.Width, output.Height, output.TimeMs), ct);
        }
    }

    /// <summary>The image is gone, or already completed or failed.</summary>
    private async Task SettleFinishedAsync(InferenceRequestedV1 request, ImageRecord? image, CancellationToken ct)
    {
        if (image is null)
        {
            logger.LogWarning("Skipping inference of {ImageId}: no such image", request.ImageId);
            return;
        }

        // Redelivered after a crash between the database write and the ack: finish the bookkeeping (idempotent).
        await jobs.CompleteAsync(request.JobId, request.JobItemIndex, image.Id, null, image.Status == ImageStatus.Failed ? image.Error ?? "failed" : null, ct);
        await DropCachedResultAsync(image.Id, ct);
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
            return await workingCopies.GetAsync(imageId, WorkingSize, ct);
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
            await redis.KeyDeleteAsync([CacheKeys.Result(imageId), CacheKeys.WorkingCopy(imageId, WorkingSize)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only terminal states are cached and this image just reached one; a stale entry expires within the hour.
            logger.LogWarning(ex, "Dropping the cached result of {ImageId} failed", imageId);
        }
    }
}

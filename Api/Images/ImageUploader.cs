using System.Diagnostics;
using System.Security.Cryptography;
using StackExchange.Redis;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;
using VisionAspire.Storage;

namespace VisionAspire.Api.Images;

/// <summary>The stored outcome of one file: its image row and whether it was already known.</summary>
public sealed record AcceptedImage(ImageRecord Image, bool Duplicate);

/// <summary>
/// Stores validated files: original in the object store (content-addressed, so shared by every owner of the same
/// bytes), metadata row owned by the uploader (deduplicated by owner and sha256 in the repository, race-safe), bytes
/// in Redis for the Preprocessor, then ImageUploadedV1.
/// Postgres is the record of an upload: once its rows are written the upload is accepted, even when the broker does
/// not confirm the event (stopped, restarting); the rows stay "uploaded", the events wait in
/// <see cref="UnpublishedUploads"/>, and <see cref="UploadedImageSweeper"/> publishes them when the broker is back.
/// Thread-safe (scoped dependencies are thread-safe clients).
/// </summary>
public sealed class ImageUploader(
    ImageRepository images,
    JobRepository jobs,
    IObjectStore store,
    IDatabase redis,
    PublisherPool publisher,
    UnpublishedUploads unpublished,
    ILogger<ImageUploader> logger)
{
    /// <param name="tasks">What the pipeline runs on each new image (ImageTasks); null: the defaults of its kind. A file
    /// whose bytes the owner already uploaded keeps the tasks (and classifier) it was first uploaded with.</param>
    /// <param name="ownerId">The uploading user: the job and the images are theirs.</param>
    /// <param name="classifyModel">The registered classifier "classify" runs; null: the built-in one.</param>
    public async Task<(Guid JobId, IReadOnlyList<AcceptedImage> Images)> AcceptAsync(
        IReadOnlyList<ValidatedFile> files, IReadOnlyList<string>? tasks, Guid ownerId, CancellationToken ct, string? classifyModel = null)
    {
        var candidates = files.Select(_ => Guid.CreateVersion7()).ToArray();
        var payload = new UploadJobPayload(files.Select((f, i) => new UploadJobItem(i, candidates[i], f.FileName)).ToList());
        if (files.Count == 0)
        {
            return (await jobs.CreateAsync(new NewJob(Guid.CreateVersion7(), UploadJobPayload.JobType, 0, payload.ToJson(), ownerId), ct), []);
        }

        var job = new NewJob(Guid.CreateVersion7(), UploadJobPayload.JobType, files.Count, payload.ToJson(), ownerId);
        var jobId = job.Id;
        var accepted = new List<AcceptedImage>(files.Count);
        var toPublish = new List<(ImageRecord Image, int Index)>();
        for (var i = 0; i < files.Count; i++)
        {
            // The job is written with the first row: one round trip and one commit for a single-file upload.
            var clock = Stopwatch.StartNew();
            using var activity = ApiTelemetry.Source.StartActivity("upload image");
            var (image, created) = await StoreAsync(files[i], candidates[i], i == 0 ? job : null, jobId, tasks, classifyModel, ownerId, ct);
            activity?.SetTag("visionaspire.image.id", image.Id);
            activity?.SetTag("visionaspire.image.duplicate", !created);
            PipelineMetrics.StageCompleted(PipelineMetrics.UploadStage, clock.Elapsed);
            accepted.Add(new AcceptedImage(image, Duplicate: !created));
            if (created)
            {
                toPublish.Add((image, i));
                PipelineMetrics.ImageAccepted();
            }
            else
            {
                // The bytes are already known: this item is resolved now; the image's own job tracks its processing.
                await jobs.CompleteItemAsync(jobId, i, image.Id, $$"""{"duplicateOf":"{{image.Id}}"}""", null, ct);
            }
        }

        var events = toPublish.Select(p => UploadedEvent(p.Image, jobId, p.Index)).ToList();
        var published = 0;
        try
        {
            for (; published < events.Count; published++)
            {
                await publisher.PublishAsync(Queues.Preprocess, events[published], ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Publishing uploads of job {JobId} failed; the sweeper will publish them when the broker is back", jobId);
            foreach (var uploaded in events.Skip(published))
            {
                unpublished.Add(uploaded);
            }
        }

        return (jobId, accepted);
    }

    /// <summary>
    /// Stores a file whose results a synchronous call already has (POST /predict): the original, and a row of
    /// <paramref name="tasks"/> owned by <paramref name="ownerId"/> (deduplicated per owner like any upload) with no job;
    /// nothing is queued: the caller writes the results.
    /// </summary>
    public async Task<(ImageRecord Image, bool Created)> StoreProcessedAsync(
        ValidatedFile file, IReadOnlyList<string> tasks, Guid ownerId, int width, int height, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Data));
        var storageKey = StorageKeys.Original(sha256);
        await store.PutAsync(storageKey, file.Data, file.ContentType, ct);
        var row = new NewImage(Guid.CreateVersion7(), sha256, file.FileName, file.ContentType, file.Data.Length, storageKey, ownerId, tasks, width, height);
        return await images.InsertOrGetBySha256Async(row, jobId: null, ct);
    }

    /// <summary>The upload event; <paramref name="jobItemIndex"/> is omitted where it is not at hand (the sweeper).</summary>
    public static ImageUploadedV1 UploadedEvent(ImageRecord image, Guid jobId, int? jobItemIndex = null) =>
        new(image.Id, jobId, image.StorageKey, image.Sha256, image.ContentType, image.CreatedAt, jobItemIndex, image.Tasks);

    /// <summary>Stores one file; <paramref name="newJob"/>, when given, is created in the same transaction as its row.</summary>
    private async Task<(ImageRecord Image, bool Created)> StoreAsync(
        ValidatedFile file, Guid candidateId, NewJob? newJob, Guid jobId, IReadOnlyList<string>? tasks, string? classifyModel, Guid ownerId, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Data));
        var storageKey = StorageKeys.Original(sha256);

        // Content-addressed key: writing it again for a duplicate is harmless, and the row never points to a missing object.
        await store.PutAsync(storageKey, file.Data, file.ContentType, ct);

        var row = new NewImage(candidateId, sha256, file.FileName, file.ContentType, file.Data.Length, storageKey, ownerId, tasks,
            ClassifyModel: classifyModel);
        var (image, created) = newJob is null
            ? await images.InsertOrGetBySha256Async(row, jobId, ct)
            : await images.InsertOrGetBySha256Async(row, newJob, ct);
        if (created)
        {
            await CacheOriginalAsync(image.Id, file.Data, ct);
        }

        return (image, created);
    }

    private async Task CacheOriginalAsync(Guid imageId, byte[] data, CancellationToken ct)
    {
        try
        {
            await redis.StringSetAsync(CacheKeys.OriginalBytes(imageId), data, CacheKeys.OriginalBytesExpiry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The cache only saves the Preprocessor a storage read; the object store has the bytes.
            logger.LogWarning(ex, "Caching the original of {ImageId} in Redis failed", imageId);
        }
    }
}

using System.Text.Json;
using StackExchange.Redis;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Images;

/// <summary>
/// Reads an image's view for a caller's <see cref="OwnerScope"/>. Finished images (completed/failed) are cached in
/// Redis with their owner, checked before a cached view is served; whoever rewrites an image's results deletes that
/// key, so the cache never serves a stale terminal state for long. Thread-safe.
/// </summary>
public sealed class ImageQueries(
    ImageRepository images,
    PredictionRepository predictions,
    ProcessedOutputRepository outputs,
    IDatabase redis,
    ILogger<ImageQueries> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The image's view, or null when it does not exist or <paramref name="scope"/> may not see it.</summary>
    public async Task<ImageResponse?> GetAsync(Guid id, OwnerScope scope, CancellationToken ct)
    {
        var cached = await TryReadCacheAsync(id, ct);
        if (cached is not null)
        {
            return scope.Allows(cached.OwnerId) ? cached.Image : null;
        }

        var image = await images.GetAsync(id, scope, ct);
        if (image is null)
        {
            return null;
        }

        var completed = image.Status == ImageStatus.Completed;
        var rows = completed ? await predictions.GetForImageAsync(id, ct) : [];
        var processed = completed ? await outputs.GetForImageAsync(id, ct) : [];
        var response = ToResponse(image, rows, processed.Select(o => o.Task).ToList());
        if (image.Status is ImageStatus.Completed or ImageStatus.Failed)
        {
            await TryWriteCacheAsync(new CachedImage(image.UserId, response), ct);
        }

        return response;
    }

    private static ImageResponse ToResponse(ImageRecord image, IReadOnlyList<PredictionRecord> rows, IReadOnlyList<string> processed)
    {
        var tasks = image.Tasks ?? (image.Kind is { } kind ? ImageTasks.DefaultFor(kind) : null);
        var predictions = rows.Select(p => new PredictionResponse(p.Task, p.Label, p.Confidence, p.Model, p.ModelVersion, PayloadOf(p))).ToList();
        return new ImageResponse(
            image.Id,
            image.Status,
            image.Kind,
            image.Width,
            image.Height,
            rows.Count(p => p.Task == PredictionTasks.FaceDetection),
            predictions,
            image.Error,
            image.FileName,
            image.ContentType,
            image.SizeBytes,
            image.CreatedAt,
            image.UpdatedAt,
            ImageLinksFactory.For(image.Id, image.JobId, processed),
            tasks,
            image.Status == ImageStatus.Completed ? Results(image.Id, tasks ?? [], predictions, processed) : []);
    }

    /// <summary>Per task the image ran (and any other task that wrote rows), its predictions and processed output.</summary>
    private static List<TaskResultResponse> Results(
        Guid imageId, IReadOnlyList<string> tasks, IReadOnlyList<PredictionResponse> predictions, IReadOnlyList<string> processed)
    {
        var byTask = predictions.ToLookup(p => PredictionTasks.ImageTaskOf(p.Task) ?? p.Task);
        return tasks.Union(byTask.Select(g => g.Key)).Union(processed)
            .Select(task => new TaskResultResponse(task, byTask[task].ToList(),
                processed.Contains(task) ? ImageLinksFactory.Processed(imageId, task) : null))
            .ToList();
    }

    // Embeddings are hundreds of floats of no use to a client; every other payload is what draws the results.
    private static JsonElement? PayloadOf(PredictionRecord row) =>
        row.PayloadJson is null || row.Task == PredictionTasks.FaceEmbedding
            ? null
            : JsonDocument.Parse(row.PayloadJson).RootElement.Clone();

    private async Task<CachedImage?> TryReadCacheAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var json = (byte[]?)await redis.StringGetAsync(CacheKeys.Result(id));
            // An entry written before views carried their owner has no "image": read from the database instead.
            return json is null ? null : JsonSerializer.Deserialize<CachedImage>(json, Json) is { Image: not null } entry ? entry : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading the cached result of {ImageId} failed; using the database", id);
            return null;
        }
    }

    private async Task TryWriteCacheAsync(CachedImage entry, CancellationToken ct)
    {
        try
        {
            await redis.StringSetAsync(CacheKeys.Result(entry.Image.Id), JsonSerializer.SerializeToUtf8Bytes(entry, Json), CacheKeys.ResultExpiry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Caching the result of {ImageId} failed", entry.Image.Id);
        }
    }

    /// <summary>A cached view and its image's owner (null: ownerless).</summary>
    private sealed record CachedImage(Guid? OwnerId, ImageResponse Image);
}

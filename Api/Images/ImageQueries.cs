using System.Text.Json;
using StackExchange.Redis;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Shared;

namespace VisionAspire.Api.Images;

/// <summary>
/// Reads an image's view. Finished images (completed/failed) are cached in Redis; whoever rewrites an
/// image's results deletes that key, so the cache never serves a stale terminal state for long.
/// Thread-safe.
/// </summary>
public sealed class ImageQueries(
    ImageRepository images,
    PredictionRepository predictions,
    ProcessedOutputRepository outputs,
    IDatabase redis,
    ILogger<ImageQueries> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ImageResponse?> GetAsync(Guid id, CancellationToken ct)
    {
        var cached = await TryReadCacheAsync(id, ct);
        if (cached is not null)
        {
            return cached;
        }

        var image = await images.GetAsync(id, ct);
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
            await TryWriteCacheAsync(response, ct);
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

    private async Task<ImageResponse?> TryReadCacheAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var json = (byte[]?)await redis.StringGetAsync(CacheKeys.Result(id));
            return json is null ? null : JsonSerializer.Deserialize<ImageResponse>(json, Json);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reading the cached result of {ImageId} failed; using the database", id);
            return null;
        }
    }

    private async Task TryWriteCacheAsync(ImageResponse response, CancellationToken ct)
    {
        try
        {
            await redis.StringSetAsync(CacheKeys.Result(response.Id), JsonSerializer.SerializeToUtf8Bytes(response, Json), CacheKeys.ResultExpiry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Caching the result of {ImageId} failed", response.Id);
        }
    }
}

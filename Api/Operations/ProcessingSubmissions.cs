using System.Security.Claims;
using System.Text.Json;
using VisionAspire.Api.Auth;
using VisionAspire.Contracts;
using VisionAspire.Data;
using VisionAspire.Imaging;
using VisionAspire.Operations;
using VisionAspire.Shared;
using VisionAspire.Storage;

namespace VisionAspire.Api.Operations;

/// <summary>
/// Submits pipelines to the workers (queue <see cref="Queues.Process"/>) as jobs. A derived image is named by the
/// hash of the source's sha256 and the canonical spec, so a spec already computed is answered from storage
/// without a job or any work. Jobs belong to the caller, and a batch sees only the images the caller may see. Scoped.
/// </summary>
public sealed class ProcessingSubmissions(
    JobRepository jobs, ImageRepository images, IObjectStore store, PublisherPool publisher, OperationLimits limits)
{
    public const string ProcessJobType = "process";
    public const string BatchJobType = "batch";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="ownerId">The caller, who owns the job.</param>
    public async Task<ProcessResponse> SubmitAsync(ImageRecord image, IReadOnlyList<OperationSpecV1> operations, Guid ownerId, CancellationToken ct)
    {
        var plan = ProcessingPlan.Parse(operations, limits);
        var hash = HashFor(plan, image);
        var key = ProcessedImages.Key(hash);
        if (await store.ExistsAsync(key, ct))
        {
            return new ProcessResponse(null, image.Id, JobStatus.Completed, true, key, new ProcessLinks(null, null, ProcessedImages.Url(hash)));
        }

        var payload = new ProcessingJobPayload(operations, [new ProcessingJobItem(0, image.Id, key)]);
        var jobId = await jobs.CreateAsync(new NewJob(Guid.CreateVersion7(), ProcessJobType, 1, JsonSerializer.Serialize(payload, Json), ownerId), ct);
        await publisher.PublishAsync(Queues.Process, new ProcessRequestedV1(jobId, 0, image.Id, image.StorageKey, key, operations), ct);
        return new ProcessResponse(jobId, image.Id, JobStatus.Pending, false, key, Links(jobId, hash));
    }

    public async Task<BatchResponse> SubmitBatchAsync(BatchRequest request, ClaimsPrincipal caller, CancellationToken ct)
    {
        var ids = request.ImageIds ?? [];
        if (ids.Count == 0 || ids.Count > limits.MaxBatchImages)
        {
            throw new ParameterException("imageIds", $"must hold 1 to {limits.MaxBatchImages} image ids; got {ids.Count}.");
        }

        var operations = request.Operations ?? [];
        var plan = ProcessingPlan.Parse(operations, limits);
        var found = new ImageRecord?[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            found[i] = await images.GetAsync(ids[i], caller.OwnerScope(), ct);
        }

        var hashes = found.Select(image => image is null ? null : HashFor(plan, image)).ToList();
        var payload = new ProcessingJobPayload(operations,
            ids.Select((id, i) => new ProcessingJobItem(i, id, hashes[i] is { } h ? ProcessedImages.Key(h) : "")).ToList());
        var jobId = await jobs.CreateAsync(
            new NewJob(Guid.CreateVersion7(), BatchJobType, ids.Count, JsonSerializer.Serialize(payload, Json), caller.UserId()), ct);

        var items = new List<BatchItemResponse>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            items.Add(await SubmitItemAsync(jobId, i, ids[i], found[i], hashes[i], operations, ct));
        }

        return new BatchResponse(jobId, ids.Count, items, new ProcessLinks($"/api/v1/jobs/{jobId}", $"/api/v1/batch/{jobId}", $"/api/v1/batch/{jobId}"));
    }

    private async Task<BatchItemResponse> SubmitItemAsync(
        Guid jobId, int index, Guid imageId, ImageRecord? image, string? hash, IReadOnlyList<OperationSpecV1> operations, CancellationToken ct)
    {
        if (image is null || hash is null)
        {
            var error = $"No image with id '{imageId}'.";
            await jobs.CompleteItemAsync(jobId, index, null, null, error, ct);
            return new BatchItemResponse(index, imageId, JobItemStatus.Failed, false, error, "");
        }

        var key = ProcessedImages.Key(hash);
        var stored = await store.GetAsync(key, ct);
        if (stored is not null)
        {
            var result = new ProcessingResult(key, ProcessedImages.Url(hash), stored.ContentType, stored.Data.LongLength, null, null, Cached: true);
            await jobs.CompleteItemAsync(jobId, index, image.Id, JsonSerializer.Serialize(result, Json), null, ct);
            return new BatchItemResponse(index, imageId, JobItemStatus.Completed, true, null, result.Url);
        }

        await publisher.PublishAsync(Queues.Process, new ProcessRequestedV1(jobId, index, image.Id, image.StorageKey, key, operations), ct);
        return new BatchItemResponse(index, imageId, JobItemStatus.Pending, false, null, ProcessedImages.Url(hash));
    }

    private static string HashFor(ProcessingPlan plan, ImageRecord image) =>
        plan.ResultHash(image.Sha256, ImageFormatSniffer.FromContentType(image.ContentType));

    private static ProcessLinks Links(Guid jobId, string hash) =>
        new($"/api/v1/jobs/{jobId}", $"/api/v1/batch/{jobId}", ProcessedImages.Url(hash));
}

using VisionAspire.Contracts;
using VisionAspire.Operations;

namespace VisionAspire.Api.Operations;

/// <summary>POST /api/v1/batch: the same ordered operations applied to each image; one job item per image.</summary>
public sealed record BatchRequest(IReadOnlyList<Guid>? ImageIds, IReadOnlyList<OperationSpecV1>? Operations);

public sealed record ProcessLinks(string? Job, string? Status, string Result);

/// <summary>
/// A submitted pipeline. Cached: the derived image was already in storage (no job, no work; 200 and X-Cache: hit);
/// otherwise a job was queued (202, Location = the job).
/// </summary>
public sealed record ProcessResponse(Guid? JobId, Guid ImageId, string Status, bool Cached, string ResultKey, ProcessLinks Links);

public sealed record BatchItemResponse(int Index, Guid ImageId, string Status, bool Cached, string? Error, string ResultUrl);

public sealed record BatchResponse(Guid JobId, int Total, IReadOnlyList<BatchItemResponse> Items, ProcessLinks Links);

public sealed record ProcessingProgress(int Total, int Done, int Failed, double Fraction);

public sealed record ProcessingItemStatus(int Index, Guid? ImageId, string Status, ProcessingResult? Result, string? Error);

/// <summary>GET /api/v1/batch/{id}: progress and every item's result (derived image key, URL, size) or error.</summary>
public sealed record ProcessingJobResponse(
    Guid Id, string Type, string Status, ProcessingProgress Progress, IReadOnlyList<ProcessingItemStatus> Items,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The payload stored with a process or batch job.</summary>
public sealed record ProcessingJobPayload(IReadOnlyList<OperationSpecV1> Operations, IReadOnlyList<ProcessingJobItem> Items);

public sealed record ProcessingJobItem(int Index, Guid ImageId, string ResultKey);

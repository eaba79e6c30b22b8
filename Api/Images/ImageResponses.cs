using System.Text.Json;

namespace VisionAspire.Api.Images;

/// <param name="Processed">Per task, the image it produced (GET /api/v1/images/{id}/processed/{task}); only in an image's own view.</param>
public sealed record ImageLinks(string Self, string Content, string Job, IReadOnlyDictionary<string, string>? Processed = null);

/// <summary>One accepted file of an upload request; <see cref="Tasks"/> null: the defaults of its kind.</summary>
public sealed record UploadedImageResponse(Guid Id, string Status, bool Duplicate, ImageLinks Links, IReadOnlyList<string>? Tasks);

public sealed record UploadResponse(Guid JobId, IReadOnlyList<UploadedImageResponse> Images);

/// <summary>One model output; <paramref name="Payload"/> is its detail (boxes in image pixels, landmarks, rank), absent for face embeddings.</summary>
public sealed record PredictionResponse(string Task, string? Label, float? Confidence, string Model, string ModelVersion, JsonElement? Payload = null);

/// <summary>What one upload task found (its prediction rows) and the link to the image it produced, if any.</summary>
public sealed record TaskResultResponse(string Task, IReadOnlyList<PredictionResponse> Predictions, string? Processed);

/// <summary>
/// One image. <see cref="Tasks"/>: what it runs (the defaults of its kind when uploaded without; null until the kind is
/// known). <see cref="Predictions"/>: every prediction row; <see cref="Results"/>: the same grouped by task, with the
/// processed outputs (only once completed).
/// </summary>
public sealed record ImageResponse(
    Guid Id,
    string Status,
    string? Kind,
    int? Width,
    int? Height,
    int Faces,
    IReadOnlyList<PredictionResponse> Predictions,
    string? Error,
    string FileName,
    string ContentType,
    long SizeBytes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ImageLinks Links,
    IReadOnlyList<string>? Tasks,
    IReadOnlyList<TaskResultResponse> Results);

public sealed record ImageSummaryResponse(
    Guid Id, string Status, string? Kind, int? Width, int? Height, string FileName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    ImageLinks Links);

public sealed record ImagePageResponse(int Page, int Limit, long Total, IReadOnlyList<ImageSummaryResponse> Items);

using System.Text.Json;

namespace VisionAspire.Api.Images;

public sealed record ImageLinks(string Self, string Content, string Job);

/// <summary>One accepted file of an upload request.</summary>
public sealed record UploadedImageResponse(Guid Id, string Status, bool Duplicate, ImageLinks Links);

public sealed record UploadResponse(Guid JobId, IReadOnlyList<UploadedImageResponse> Images);

/// <summary>One model output; <paramref name="Payload"/> is its detail (boxes in image pixels, landmarks, rank), absent for face embeddings.</summary>
public sealed record PredictionResponse(string Task, string? Label, float? Confidence, string Model, string ModelVersion, JsonElement? Payload = null);

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
    ImageLinks Links);

public sealed record ImageSummaryResponse(
    Guid Id, string Status, string? Kind, int? Width, int? Height, string FileName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    ImageLinks Links);

public sealed record ImagePageResponse(int Page, int Limit, long Total, IReadOnlyList<ImageSummaryResponse> Items);

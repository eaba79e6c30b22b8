using System.Text.Json;
using System.Text.Json.Serialization;
using VisionAspire.Contracts;

namespace VisionAspire.Web.Api;

// The Api's JSON as this app reads it. Links are kept as raw JSON so that links added by newer Api versions
// (processed outputs) show up as downloads without a change here.

public sealed record UploadedImage(Guid Id, string Status, bool Duplicate, Dictionary<string, JsonElement> Links);

public sealed record UploadResult(Guid JobId, IReadOnlyList<UploadedImage> Images);

public sealed record Prediction(string Task, string? Label, float? Confidence, string Model, string ModelVersion, JsonElement? Payload);

public sealed record ImageDetails(
    Guid Id,
    string Status,
    string? Kind,
    int? Width,
    int? Height,
    int Faces,
    IReadOnlyList<Prediction> Predictions,
    string? Error,
    string FileName,
    string ContentType,
    long SizeBytes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Dictionary<string, JsonElement> Links)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ImageSummary(
    Guid Id, string Status, string? Kind, int? Width, int? Height, string FileName, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record ImageListPage(int Page, int Limit, long Total, IReadOnlyList<ImageSummary> Items);

public sealed record JobEvent(string Status, string? Message, DateTimeOffset At);

public sealed record JobItem(int Index, Guid? ImageId, string Status, JsonElement? Result, string? Error);

public sealed record JobProgress(int Total, int Done, int Failed, double Fraction);

public sealed record Job(
    Guid Id,
    string Type,
    string Status,
    JobProgress Progress,
    IReadOnlyList<JobEvent> History,
    IReadOnlyList<JobItem> Items,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record ImageStatusEvent(Guid Id, string Status, string? Kind, string? Error, DateTimeOffset UpdatedAt)
{
    public bool IsFinished => Status is ImageStatus.Completed or ImageStatus.Failed;
}

public sealed record OperationResult(byte[] Bytes, string ContentType, int? Width, int? Height);

using System.Text.Json;

namespace VisionAspire.Api.Jobs;

public sealed record JobEventResponse(string Status, string? Message, DateTimeOffset At);

/// <summary>One item of a job; <paramref name="Result"/> is the item's stored result document (e.g. a batch item's output link).</summary>
public sealed record JobItemResponse(int Index, Guid? ImageId, string Status, JsonElement? Result, string? Error);

public sealed record JobProgressResponse(int Total, int Done, int Failed, double Fraction);

public sealed record JobResponse(
    Guid Id,
    string Type,
    string Status,
    JobProgressResponse Progress,
    IReadOnlyList<JobEventResponse> History,
    IReadOnlyList<JobItemResponse> Items,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

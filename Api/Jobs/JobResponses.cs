namespace VisionAspire.Api.Jobs;

public sealed record JobEventResponse(string Status, string? Message, DateTimeOffset At);

public sealed record JobItemResponse(int Index, Guid? ImageId, string Status, string? Error);

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

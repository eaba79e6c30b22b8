namespace VisionAspire.Data;

public sealed record JobRecord(
    Guid Id,
    string Type,
    string Status,
    int Total,
    int Done,
    int Failed,
    string? PayloadJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<JobEvent> History,
    IReadOnlyList<JobItem> Items);

public sealed record JobEvent(string Status, string? Message, DateTimeOffset At);

/// <summary>One unit of a job; <see cref="Status"/> is one of <see cref="JobItemStatus"/>.</summary>
public sealed record JobItem(int Index, Guid? ImageId, string Status, string? ResultJson, string? Error);

/// <summary>
/// A job to create; <see cref="Id"/> is chosen by the caller so the job can be written alongside other rows.
/// <see cref="UserId"/>: its owner (null: ownerless, visible to admins only).
/// </summary>
public sealed record NewJob(Guid Id, string Type, int Total, string? PayloadJson, Guid? UserId = null);

/// <summary>Item <see cref="Index"/> of job <see cref="JobId"/>.</summary>
public readonly record struct JobItemKey(Guid JobId, int Index);

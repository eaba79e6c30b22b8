namespace VisionAspire.Data;

/// <summary>Metadata of freshly stored original bytes, before any processing.</summary>
public sealed record NewImage(Guid Id, string Sha256, string FileName, string ContentType, long SizeBytes, string StorageKey, Guid? UserId);

public sealed record ImageRecord(
    Guid Id,
    string Sha256,
    string FileName,
    string ContentType,
    long SizeBytes,
    int? Width,
    int? Height,
    string? Kind,
    string Status,
    string StorageKey,
    string? Error,
    Guid? JobId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

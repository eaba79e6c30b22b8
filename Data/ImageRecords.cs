namespace VisionAspire.Data;

/// <summary>
/// Metadata of freshly stored original bytes, before any processing. <see cref="UserId"/>: the owner (null: ownerless,
/// visible to admins only). <see cref="Tasks"/>: what to run on it (ImageTasks); null runs the defaults of its kind.
/// <see cref="Width"/> and <see cref="Height"/>: when already known (a synchronous prediction read the header).
/// <see cref="ClassifyModel"/>: the registered classifier "classify" runs (null: the built-in one).
/// </summary>
public sealed record NewImage(
    Guid Id, string Sha256, string FileName, string ContentType, long SizeBytes, string StorageKey, Guid? UserId,
    IReadOnlyList<string>? Tasks = null, int? Width = null, int? Height = null, string? ClassifyModel = null);

/// <summary>
/// An image's row; <see cref="Tasks"/> and <see cref="ClassifyModel"/> as chosen at upload (null: the defaults);
/// <see cref="UserId"/>: its owner (null: ownerless).
/// </summary>
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
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string>? Tasks = null,
    string? ClassifyModel = null,
    Guid? UserId = null);

namespace VisionAspire.Contracts;

/// <summary>
/// Api → Preprocessor: an original is stored (object store + Redis cache) and has a metadata row.
/// <see cref="JobItemIndex"/> (optional, added compatibly) is the image's item in the upload job; when absent,
/// consumers look it up in the job's payload. <see cref="Tasks"/> (optional, added compatibly) are the tasks chosen at
/// upload (<see cref="ImageTasks"/>); null: the image's stored tasks, or the defaults of its kind.
/// </summary>
public sealed record ImageUploadedV1(
    Guid ImageId,
    Guid JobId,
    string StorageKey,
    string Sha256,
    string ContentType,
    DateTimeOffset UploadedAt,
    int? JobItemIndex = null,
    IReadOnlyList<string>? Tasks = null) : IMessage
{
    public static string MessageType => "image.uploaded.v1";
}

namespace VisionAspire.Contracts;

/// <summary>
/// Api → Preprocessor: an original is stored (object store + Redis cache) and has a metadata row.
/// <see cref="JobItemIndex"/> (optional, added compatibly) is the image's item in the upload job; when absent,
/// consumers look it up in the job's payload.
/// </summary>
public sealed record ImageUploadedV1(
    Guid ImageId,
    Guid JobId,
    string StorageKey,
    string Sha256,
    string ContentType,
    DateTimeOffset UploadedAt,
    int? JobItemIndex = null) : IMessage
{
    public static string MessageType => "image.uploaded.v1";
}

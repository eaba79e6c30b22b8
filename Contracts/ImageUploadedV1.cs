namespace VisionAspire.Contracts;

/// <summary>Api → Preprocessor: an original is stored (object store + Redis cache) and has a metadata row.</summary>
public sealed record ImageUploadedV1(
    Guid ImageId,
    Guid JobId,
    string StorageKey,
    string Sha256,
    string ContentType,
    DateTimeOffset UploadedAt) : IMessage
{
    public static string MessageType => "image.uploaded.v1";
}

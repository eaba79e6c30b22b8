namespace VisionAspire.Data;

/// <summary>A person of the face gallery; <see cref="FaceCount"/>: faces enrolled (any model).</summary>
public sealed record PersonRecord(Guid Id, string Name, string? ExternalId, int FaceCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// An enrolled face: box (x, y, width, height) and landmarks (x0, y0 ... x4, y4) in the source image's upright
/// pixels, and the L2-normalised embedding with the model that made it.
/// </summary>
public sealed record PersonFaceRecord(
    Guid Id,
    Guid PersonId,
    Guid? ImageId,
    float[] Box,
    float[] Landmarks,
    float[] Embedding,
    string ModelId,
    string ModelVersion,
    DateTimeOffset CreatedAt);

/// <summary>The faces of one embedding model as of gallery version <see cref="Version"/>.</summary>
public sealed record GallerySnapshot(long Version, IReadOnlyList<GalleryFace> Faces);

/// <summary>An enrolled face; <see cref="OwnerId"/>: its person's owner (null: ownerless).</summary>
public sealed record GalleryFace(Guid FaceId, Guid PersonId, float[] Embedding, Guid? OwnerId);

/// <summary>Another person of the same owner already has this external id.</summary>
public sealed class DuplicateExternalIdException(string externalId)
    : Exception($"Another of your people already has the external id '{externalId}'.")
{
    public string ExternalId { get; } = externalId;
}

using System.Collections.Concurrent;
using VisionAspire.Contracts;

namespace VisionAspire.Api.Images;

/// <summary>
/// Upload events this process stored the rows of but could not get confirmed by the broker (stopped, restarting,
/// confirm lost), kept until <see cref="UploadedImageSweeper"/> publishes them. Only this process knows which of its
/// "uploaded" rows were never published: a row merely waiting in a long queue looks the same in Postgres. Thread-safe.
/// </summary>
public sealed class UnpublishedUploads
{
    private readonly ConcurrentDictionary<Guid, ImageUploadedV1> _events = new();

    public int Count => _events.Count;

    public void Add(ImageUploadedV1 uploaded) => _events[uploaded.ImageId] = uploaded;

    /// <summary>The events waiting, oldest upload first.</summary>
    public IReadOnlyList<ImageUploadedV1> Snapshot() => [.. _events.Values.OrderBy(e => e.UploadedAt)];

    public void Remove(Guid imageId) => _events.TryRemove(imageId, out _);
}

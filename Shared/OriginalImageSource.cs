using VisionAspire.Redis;
using VisionAspire.Storage;

namespace VisionAspire.Shared;

/// <summary>
/// Reads an original upload: Redis first (cached by the Api for an hour), then the object store.
/// Thread-safe: holds only thread-safe clients.
/// </summary>
public sealed class OriginalImageSource(IRedisClient redis, IObjectStore store)
{
    /// <summary>The bytes, or null when the object store has no such key either.</summary>
    public async Task<byte[]?> ReadAsync(Guid imageId, string storageKey, CancellationToken ct)
    {
        var cached = await redis.GetAsync(CacheKeys.OriginalBytes(imageId), ct);
        if (cached is { Length: > 0 })
        {
            return cached;
        }

        var stored = await store.GetAsync(storageKey, ct);
        return stored?.Data;
    }
}

using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using VisionAspire.Storage;

namespace VisionAspire.Shared;

/// <summary>
/// Reads an original upload: Redis first (cached by the Api for an hour), then the object store, which also
/// serves every read while Redis is down. Thread-safe: holds only thread-safe clients.
/// </summary>
public sealed class OriginalImageSource(IDatabase redis, IObjectStore store, ILogger<OriginalImageSource> logger)
{
    /// <summary>The bytes, or null when the object store has no such key either.</summary>
    public async Task<byte[]?> ReadAsync(Guid imageId, string storageKey, CancellationToken ct)
    {
        if (await TryReadCacheAsync(imageId) is { Length: > 0 } cached)
        {
            return cached;
        }

        var stored = await store.GetAsync(storageKey, ct);
        return stored?.Data;
    }

    private async Task<byte[]?> TryReadCacheAsync(Guid imageId)
    {
        try
        {
            return (byte[]?)await redis.StringGetAsync(CacheKeys.OriginalBytes(imageId));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Reading the cached original of {ImageId} failed; reading the object store", imageId);
            return null;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using VisionAspire.Data;

namespace VisionAspire.Api.Auth;

/// <summary>
/// Turns an API key into its owner. A valid key is remembered for <see cref="CacheFor"/>, so a busy client costs
/// one database lookup per half minute, not one per request; revoking a key evicts it here at once, and other Api
/// replicas stop accepting it within <see cref="CacheFor"/> (README).
/// </summary>
public sealed class ApiKeyValidator(ApiKeyRepository keys, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    public sealed record ValidKey(Guid KeyId, UserRecord Owner);

    public async Task<ValidKey?> ValidateAsync(string key, CancellationToken ct)
    {
        if (!ApiKeySecret.IsWellFormed(key))
        {
            return null;
        }

        var cacheKey = CacheKey(key);
        if (cache.TryGetValue(cacheKey, out ValidKey? known))
        {
            return known;
        }

        if (await keys.FindByPrefixAsync(ApiKeySecret.PrefixOf(key), ct) is not ({ } record, { } owner)
            || record.RevokedAt is not null || !ApiKeySecret.Matches(key, record.Salt, record.Hash))
        {
            return null;
        }

        await keys.TouchAsync(record.Id, LastUsedGranularity, ct);
        var valid = new ValidKey(record.Id, owner);
        cache.Set(cacheKey, valid, CacheFor);
        cache.Set(KeyIdCacheKey(record.Id), cacheKey, CacheFor);
        return valid;
    }

    /// <summary>Forgets a revoked key in this replica.</summary>
    public void Forget(Guid keyId)
    {
        if (cache.TryGetValue(KeyIdCacheKey(keyId), out string? cacheKey) && cacheKey is not null)
        {
            cache.Remove(cacheKey);
        }
    }

    private static string CacheKey(string key) => "apikey:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string KeyIdCacheKey(Guid keyId) => "apikey-id:" + keyId;
}

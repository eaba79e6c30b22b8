using System.Buffers.Binary;
using VisionAspire.Imaging;
using VisionAspire.Redis;

namespace VisionAspire.Shared;

/// <summary>
/// Hands the Preprocessor's decoded working copy of an image to the worker through Redis, so the image is not
/// decoded twice when both stages work at the same size. A miss (expired, evicted, never stored) is normal:
/// the caller then decodes the original. Thread-safe: holds only the thread-safe Redis client.
/// </summary>
public sealed class WorkingCopies(IRedisClient redis)
{
    private const int HeaderLength = 12;

    /// <summary>Stores <paramref name="pixels"/>, decoded to fit a <paramref name="longSide"/> square.</summary>
    public Task StoreAsync(Guid imageId, int longSide, PixelBuffer pixels, CancellationToken ct)
    {
        var value = new byte[HeaderLength + pixels.Data.Length];
        BinaryPrimitives.WriteInt32LittleEndian(value.AsSpan(0), pixels.Width);
        BinaryPrimitives.WriteInt32LittleEndian(value.AsSpan(4), pixels.Height);
        BinaryPrimitives.WriteInt32LittleEndian(value.AsSpan(8), pixels.Bands);
        pixels.Data.CopyTo(value.AsSpan(HeaderLength));
        return redis.SetAsync(CacheKeys.WorkingCopy(imageId, longSide), value, CacheKeys.WorkingCopyExpiry, ct: ct);
    }

    /// <summary>The stored copy, or null when there is none (or it is not a well-formed one).</summary>
    public async Task<PixelBuffer?> GetAsync(Guid imageId, int longSide, CancellationToken ct)
    {
        var value = await redis.GetAsync(CacheKeys.WorkingCopy(imageId, longSide), ct);
        if (value is null || value.Length < HeaderLength)
        {
            return null;
        }

        var width = BinaryPrimitives.ReadInt32LittleEndian(value.AsSpan(0));
        var height = BinaryPrimitives.ReadInt32LittleEndian(value.AsSpan(4));
        var bands = BinaryPrimitives.ReadInt32LittleEndian(value.AsSpan(8));
        if (width <= 0 || height <= 0 || bands <= 0 || (long)width * height * bands != value.Length - HeaderLength)
        {
            return null;
        }

        return new PixelBuffer(value[HeaderLength..], width, height, bands);
    }
}

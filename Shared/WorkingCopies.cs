using System.Buffers;
using System.Buffers.Binary;
using StackExchange.Redis;
using VisionAspire.Imaging;

namespace VisionAspire.Shared;

/// <summary>
/// Hands the Preprocessor's decoded working copy of an image to the worker through Redis, so the image is not
/// decoded twice when both stages work at the same size. A miss (expired, evicted, never stored) is normal:
/// the caller then decodes the original. Thread-safe: holds only the thread-safe Redis database.
/// </summary>
/// <remarks>
/// The value is the pixels followed by a 16-byte trailer (width, height, bands as little-endian int32, then
/// <see cref="Tag"/>). Pixels first means the reader does not copy them: its <see cref="PixelBuffer"/> wraps the
/// Redis value itself (the trailer rides along past <see cref="PixelBuffer.Length"/>). The writer assembles the
/// value in a pooled buffer, since a Redis value is one contiguous block.
/// </remarks>
public sealed class WorkingCopies(IDatabase redis)
{
    private const int TrailerLength = 16;

    /// <summary>"VWC1": identifies this layout, so a value in any other shape reads as a miss.</summary>
    private const int Tag = 0x31435756;

    /// <summary>Stores <paramref name="pixels"/>, decoded to fit a <paramref name="longSide"/> square.</summary>
    public async Task StoreAsync(Guid imageId, int longSide, PixelBuffer pixels, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var length = pixels.Length + TrailerLength;
        var value = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            pixels.Data.AsSpan(0, pixels.Length).CopyTo(value);
            var trailer = value.AsSpan(pixels.Length, TrailerLength);
            BinaryPrimitives.WriteInt32LittleEndian(trailer, pixels.Width);
            BinaryPrimitives.WriteInt32LittleEndian(trailer[4..], pixels.Height);
            BinaryPrimitives.WriteInt32LittleEndian(trailer[8..], pixels.Bands);
            BinaryPrimitives.WriteInt32LittleEndian(trailer[12..], Tag);

            // The buffer goes back to the pool only once the command completed, so it has been written out.
            await redis.StringSetAsync(CacheKeys.WorkingCopy(imageId, longSide), value.AsMemory(0, length), CacheKeys.WorkingCopyExpiry);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(value);
        }
    }

    /// <summary>The stored copy, or null when there is none (or it is not a well-formed one).</summary>
    public async Task<PixelBuffer?> GetAsync(Guid imageId, int longSide, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var value = (byte[]?)await redis.StringGetAsync(CacheKeys.WorkingCopy(imageId, longSide));
        return value is null ? null : Read(value);
    }

    /// <summary>Wraps <paramref name="value"/> without copying, or null when it is not a well-formed working copy.</summary>
    private static PixelBuffer? Read(byte[] value)
    {
        if (value.Length < TrailerLength)
        {
            return null;
        }

        var trailer = value.AsSpan(value.Length - TrailerLength);
        var width = BinaryPrimitives.ReadInt32LittleEndian(trailer);
        var height = BinaryPrimitives.ReadInt32LittleEndian(trailer[4..]);
        var bands = BinaryPrimitives.ReadInt32LittleEndian(trailer[8..]);
        var tag = BinaryPrimitives.ReadInt32LittleEndian(trailer[12..]);
        if (tag != Tag || width <= 0 || height <= 0 || bands <= 0 || (long)width * height * bands != value.Length - TrailerLength)
        {
            return null;
        }

        return new PixelBuffer(value, width, height, bands);
    }
}

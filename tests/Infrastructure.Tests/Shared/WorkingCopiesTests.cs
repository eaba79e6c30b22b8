using System.Buffers.Binary;
using VisionAspire.Imaging;
using VisionAspire.Infrastructure.Tests.Redis;
using VisionAspire.Shared;

namespace VisionAspire.Infrastructure.Tests.Shared;

public sealed class WorkingCopiesTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int LongSide = 640;
    private readonly WorkingCopies _copies = new(redis.Database);

    [Fact]
    public async Task A_stored_copy_reads_back_with_its_pixels_and_size()
    {
        var id = Guid.NewGuid();
        var pixels = Random(640, 427, 3, seed: 1);

        await _copies.StoreAsync(id, LongSide, pixels, CancellationToken.None);
        var copy = await _copies.GetAsync(id, LongSide, CancellationToken.None);

        Assert.NotNull(copy);
        Assert.Equal((640, 427, 3, pixels.Length), (copy.Width, copy.Height, copy.Bands, copy.Length));
        Assert.True(copy.Data.AsSpan(0, copy.Length).SequenceEqual(pixels.Data));
        Assert.Null(await _copies.GetAsync(id, 320, CancellationToken.None)); // another size is another copy
    }

    [Fact]
    public async Task The_reader_wraps_the_redis_value_and_stores_only_the_pixels_of_a_wrapped_copy()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var pixels = Random(100, 60, 3, seed: 2);
        await _copies.StoreAsync(first, LongSide, pixels, CancellationToken.None);
        var wrapped = (await _copies.GetAsync(first, LongSide, CancellationToken.None))!;

        await _copies.StoreAsync(second, LongSide, wrapped, CancellationToken.None);
        var again = (await _copies.GetAsync(second, LongSide, CancellationToken.None))!;

        Assert.Equal(wrapped.Length + 16, wrapped.Data.Length); // the value itself: pixels, then the trailer
        Assert.Equal(wrapped.Data, again.Data);
        Assert.Equal((100, 60, 3), (again.Width, again.Height, again.Bands));
    }

    [Fact]
    public async Task A_missing_copy_is_null()
    {
        Assert.Null(await _copies.GetAsync(Guid.NewGuid(), LongSide, CancellationToken.None));
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("short")]
    [InlineData("wrong tag")]
    [InlineData("size mismatch")]
    [InlineData("zero width")]
    [InlineData("header first")]
    public async Task A_value_that_is_not_a_well_formed_copy_reads_as_a_miss(string shape)
    {
        var id = Guid.NewGuid();
        var pixels = new byte[4 * 2 * 3];
        byte[] value = shape switch
        {
            "empty" => [],
            "short" => new byte[15],
            "wrong tag" => [.. pixels, .. Trailer(4, 2, 3, 0x12345678)],
            "size mismatch" => [.. pixels, .. Trailer(4, 3, 3)],
            "zero width" => [.. Trailer(0, 2, 3)],
            _ => [.. Header(4, 2, 3), .. pixels], // the former layout: a 12-byte header before the pixels
        };
        await redis.Database.StringSetAsync(CacheKeys.WorkingCopy(id, LongSide), value);

        Assert.Null(await _copies.GetAsync(id, LongSide, CancellationToken.None));
    }

    private static PixelBuffer Random(int width, int height, int bands, int seed)
    {
        var data = new byte[width * height * bands];
        new Random(seed).NextBytes(data);
        return new PixelBuffer(data, width, height, bands);
    }

    private static byte[] Header(int width, int height, int bands)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(header, width);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), height);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), bands);
        return header;
    }

    private static byte[] Trailer(int width, int height, int bands, int tag = 0x31435756) =>
        [.. Header(width, height, bands), .. BitConverter.GetBytes(tag)];
}

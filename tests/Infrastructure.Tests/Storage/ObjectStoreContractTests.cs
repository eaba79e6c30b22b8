using System.Text;
using VisionAspire.Storage;

namespace VisionAspire.Infrastructure.Tests.Storage;

/// <summary>The behaviour every <see cref="IObjectStore"/> must share; one subclass per store.</summary>
public abstract class ObjectStoreContractTests
{
    protected abstract IObjectStore Store { get; }

    private static string NewKey(string prefix = "images") => $"{prefix}/{Guid.NewGuid():N}.jpg";

    [Fact]
    public async Task Put_then_Get_round_trips_bytes_and_content_type()
    {
        var key = NewKey();
        var data = Encoding.UTF8.GetBytes("pretend this is a jpeg");
        await Store.PutAsync(key, data, "image/jpeg");

        var stored = await Store.GetAsync(key);
        Assert.NotNull(stored);
        Assert.Equal(data, stored.Data);
        Assert.Equal("image/jpeg", stored.ContentType);
    }

    [Fact]
    public async Task Put_replaces_existing_object()
    {
        var key = NewKey();
        await Store.PutAsync(key, new byte[] { 1, 2, 3 }, "application/octet-stream");
        await Store.PutAsync(key, new byte[] { 9 }, "image/png");

        var stored = await Store.GetAsync(key);
        Assert.Equal([9], stored!.Data);
        Assert.Equal("image/png", stored.ContentType);
    }

    [Fact]
    public async Task Put_accepts_a_slice_of_a_larger_buffer()
    {
        var key = NewKey();
        var buffer = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        await Store.PutAsync(key, buffer.AsMemory(10, 5), "application/octet-stream");
        Assert.Equal(new byte[] { 10, 11, 12, 13, 14 }, (await Store.GetAsync(key))!.Data);
    }

    [Fact]
    public async Task Empty_object_round_trips()
    {
        var key = NewKey();
        await Store.PutAsync(key, ReadOnlyMemory<byte>.Empty, "text/plain");
        var stored = await Store.GetAsync(key);
        Assert.NotNull(stored);
        Assert.Empty(stored.Data);
    }

    [Fact]
    public async Task Large_object_round_trips()
    {
        var key = NewKey("large");
        var data = new byte[20 * 1024 * 1024];
        new Random(7).NextBytes(data);
        await Store.PutAsync(key, data, "application/octet-stream");

        var stored = await Store.GetAsync(key);
        Assert.NotNull(stored);
        Assert.Equal(data.Length, stored.Data.Length);
        Assert.True(data.AsSpan().SequenceEqual(stored.Data));
        await Store.DeleteAsync(key);
    }

    [Fact]
    public async Task Missing_key_reads_as_null_and_not_existing()
    {
        var key = NewKey();
        Assert.Null(await Store.GetAsync(key));
        Assert.False(await Store.ExistsAsync(key));
    }

    [Fact]
    public async Task Exists_and_Delete_follow_the_object()
    {
        var key = NewKey();
        await Store.PutAsync(key, new byte[] { 1 }, "image/jpeg");
        Assert.True(await Store.ExistsAsync(key));

        await Store.DeleteAsync(key);
        Assert.False(await Store.ExistsAsync(key));
        Assert.Null(await Store.GetAsync(key));
        await Store.DeleteAsync(key); // deleting again is fine
    }

    [Fact]
    public async Task Keys_that_share_a_prefix_are_independent()
    {
        var folder = $"nested/{Guid.NewGuid():N}";
        await Store.PutAsync($"{folder}/a/original", new byte[] { 1 }, "image/jpeg");
        await Store.PutAsync($"{folder}/a/thumb", new byte[] { 2 }, "image/webp");

        Assert.Equal([1], (await Store.GetAsync($"{folder}/a/original"))!.Data);
        Assert.Equal("image/webp", (await Store.GetAsync($"{folder}/a/thumb"))!.ContentType);
        await Store.DeleteAsync($"{folder}/a/original");
        Assert.True(await Store.ExistsAsync($"{folder}/a/thumb"));
    }

    [Fact]
    public async Task Unicode_and_punctuation_keys_work()
    {
        var key = $"uploads/{Guid.NewGuid():N}/fête d'été (1)+x=y.jpg";
        await Store.PutAsync(key, new byte[] { 42 }, "image/jpeg");
        Assert.Equal([42], (await Store.GetAsync(key))!.Data);
    }

    [Fact]
    public async Task Concurrent_puts_to_one_key_leave_one_whole_object()
    {
        var key = NewKey();
        var payloads = Enumerable.Range(1, 8).Select(i => Enumerable.Repeat((byte)i, 256 * 1024).ToArray()).ToArray();
        await Task.WhenAll(payloads.Select(p => Store.PutAsync(key, p, "application/octet-stream")));

        var stored = await Store.GetAsync(key);
        Assert.NotNull(stored);
        Assert.Contains(payloads, p => p.AsSpan().SequenceEqual(stored.Data));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("images/../../etc/passwd")]
    [InlineData("..")]
    [InlineData("./here")]
    [InlineData("/etc/passwd")]
    [InlineData("images//double")]
    [InlineData("trailing/")]
    [InlineData("back\\slash")]
    [InlineData("nul\0byte")]
    [InlineData("new\nline")]
    [InlineData("tab\there")]
    public async Task Hostile_keys_are_rejected_by_every_operation(string key)
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.PutAsync(key, new byte[] { 1 }, "text/plain"));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.GetAsync(key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.ExistsAsync(key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.DeleteAsync(key));
    }

    [Fact]
    public async Task Overlong_and_lone_surrogate_keys_are_rejected()
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.GetAsync(new string('k', ObjectKey.MaxLengthInBytes + 1)));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => Store.GetAsync("bad\uD800surrogate"));
    }
}

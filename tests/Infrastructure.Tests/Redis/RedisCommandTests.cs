using System.Text;
using VisionAspire.Redis;

namespace VisionAspire.Infrastructure.Tests.Redis;

public sealed class RedisCommandTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private readonly RedisClient _client = redis.Client;

    private static string NewKey() => "test:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task SetString_then_GetString_round_trips_unicode()
    {
        var key = NewKey();
        Assert.True(await _client.SetStringAsync(key, "héllo wörld ✓"));
        Assert.Equal("héllo wörld ✓", await _client.GetStringAsync(key));
    }

    [Fact]
    public async Task Get_of_missing_key_is_null()
    {
        Assert.Null(await _client.GetAsync(NewKey()));
        Assert.Null(await _client.GetStringAsync(NewKey()));
    }

    [Fact]
    public async Task Values_are_binary_safe()
    {
        var key = NewKey();
        var value = Enumerable.Range(0, 256).Select(i => (byte)i).Concat("\r\n$-1\r\n*2\r\n"u8.ToArray()).ToArray();
        await _client.SetAsync(key, value);
        Assert.Equal(value, await _client.GetAsync(key));
    }

    [Fact]
    public async Task Empty_value_is_not_null()
    {
        var key = NewKey();
        await _client.SetAsync(key, ReadOnlyMemory<byte>.Empty);
        var stored = await _client.GetAsync(key);
        Assert.NotNull(stored);
        Assert.Empty(stored);
    }

    [Fact]
    public async Task Large_value_round_trips()
    {
        var key = NewKey();
        var value = new byte[20 * 1024 * 1024];
        new Random(42).NextBytes(value);
        await _client.SetAsync(key, value);
        Assert.Equal(value, await _client.GetAsync(key));
        await _client.DeleteAsync([key]);
    }

    [Fact]
    public async Task A_value_set_from_segments_reads_back_as_one_value()
    {
        var key = NewKey();
        var random = new Random(7);
        var body = new byte[1_500_000];
        random.NextBytes(body);
        byte[] header = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        byte[] tail = [0xFF, (byte)'\r', (byte)'\n'];

        Assert.True(await _client.SetAsync(key, [header, body.AsMemory(0, 1_000_000), ReadOnlyMemory<byte>.Empty, body.AsMemory(1_000_000), tail],
            TimeSpan.FromMinutes(5)));

        byte[] expected = [.. header, .. body, .. tail];
        Assert.Equal(expected, await _client.GetAsync(key));
        Assert.InRange((await _client.ExecuteAsync("TTL", key)).Integer, 1, 300);
        Assert.Equal("ok", await _client.GetStringAsync(await SetAfterAsync(key))); // the connection stays in step
        await _client.DeleteAsync([key]);
    }

    [Fact]
    public async Task A_value_of_no_segments_is_empty_and_NX_applies_to_segments()
    {
        var key = NewKey();
        Assert.True(await _client.SetAsync(key, Array.Empty<ReadOnlyMemory<byte>>(), onlyIfNotExists: true));
        Assert.False(await _client.SetAsync(key, [new byte[] { 1 }], onlyIfNotExists: true));
        Assert.Empty((await _client.GetAsync(key))!);
    }

    [Fact]
    public async Task Set_with_onlyIfNotExists_sets_only_once()
    {
        var key = NewKey();
        Assert.True(await _client.SetStringAsync(key, "first", onlyIfNotExists: true));
        Assert.False(await _client.SetStringAsync(key, "second", onlyIfNotExists: true));
        Assert.Equal("first", await _client.GetStringAsync(key));
    }

    [Fact]
    public async Task Set_with_expiry_and_NX_sets_ttl()
    {
        var key = NewKey();
        Assert.True(await _client.SetStringAsync(key, "v", TimeSpan.FromMinutes(5), onlyIfNotExists: true));
        Assert.False(await _client.SetStringAsync(key, "w", TimeSpan.FromMinutes(5), onlyIfNotExists: true));
        var ttl = (await _client.ExecuteAsync("TTL", key)).Integer;
        Assert.InRange(ttl, 1, 300);
    }

    [Fact]
    public async Task Set_with_expiry_makes_the_key_vanish()
    {
        var key = NewKey();
        // A window wide enough that a loaded machine still reads the TTL before the key expires.
        await _client.SetStringAsync(key, "short-lived", TimeSpan.FromMilliseconds(1500));
        var pttl = (await _client.ExecuteAsync("PTTL", key)).Integer;
        Assert.InRange(pttl, 1, 1500);

        await WaitUntilAsync(async () => await _client.GetStringAsync(key) is null);
    }

    private async Task<string> SetAfterAsync(string key)
    {
        var next = key + ":next";
        await _client.SetStringAsync(next, "ok");
        return next;
    }

    [Fact]
    public async Task Expire_sets_ttl_on_existing_key_only()
    {
        var key = NewKey();
        Assert.False(await _client.ExpireAsync(key, TimeSpan.FromSeconds(30)));
        await _client.SetStringAsync(key, "v");
        Assert.True(await _client.ExpireAsync(key, TimeSpan.FromSeconds(30)));
        Assert.InRange((await _client.ExecuteAsync("TTL", key)).Integer, 1, 30);
        Assert.True(await _client.ExpireAsync(key, TimeSpan.FromMilliseconds(5000)));
        Assert.InRange((await _client.ExecuteAsync("PTTL", key)).Integer, 1, 5000);
    }

    [Fact]
    public async Task Delete_counts_removed_keys()
    {
        var a = NewKey();
        var b = NewKey();
        await _client.SetStringAsync(a, "1");
        await _client.SetStringAsync(b, "2");
        Assert.Equal(2, await _client.DeleteAsync([a, b, NewKey()]));
        Assert.Null(await _client.GetAsync(a));
        Assert.Equal(0, await _client.DeleteAsync([a]));
    }

    [Fact]
    public async Task Increment_counts_from_zero()
    {
        var key = NewKey();
        Assert.Equal(1, await _client.IncrementAsync(key));
        Assert.Equal(2, await _client.IncrementAsync(key));
        await _client.SetStringAsync(key, "1000");
        Assert.Equal(1001, await _client.IncrementAsync(key));
    }

    [Fact]
    public async Task Increment_of_text_value_throws_server_error()
    {
        var key = NewKey();
        await _client.SetStringAsync(key, "not a number");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => _client.IncrementAsync(key));
        Assert.Equal("ERR", error.ErrorCode);
        // The connection stays usable after an error reply.
        Assert.Equal("not a number", await _client.GetStringAsync(key));
    }

    [Fact]
    public async Task HashSet_then_HashGetAll_round_trips()
    {
        var key = NewKey();
        await _client.HashSetAsync(key, new Dictionary<string, string> { ["status"] = "queued", ["kind"] = "face", ["empty"] = "" });
        await _client.HashSetAsync(key, new Dictionary<string, string> { ["status"] = "completed" });
        var all = await _client.HashGetAllAsync(key);
        Assert.Equal(3, all.Count);
        Assert.Equal("completed", all["status"]);
        Assert.Equal("face", all["kind"]);
        Assert.Equal("", all["empty"]);
        Assert.Empty(await _client.HashGetAllAsync(NewKey()));
    }

    [Fact]
    public async Task Wrong_type_is_reported_with_its_code()
    {
        var key = NewKey();
        await _client.HashSetAsync(key, new Dictionary<string, string> { ["a"] = "b" });
        var error = await Assert.ThrowsAsync<RedisServerException>(() => _client.GetAsync(key));
        Assert.Equal("WRONGTYPE", error.ErrorCode);
    }

    [Fact]
    public async Task Eval_runs_script_with_keys_and_args()
    {
        var key = NewKey();
        var reply = await _client.EvalAsync(
            "redis.call('SET', KEYS[1], ARGV[1]); return {redis.call('GET', KEYS[1]), tonumber(ARGV[2]) + 1, false}",
            [key], ["from-lua", "41"]);
        Assert.Equal(RedisReplyType.Array, reply.Type);
        Assert.Equal("from-lua", reply.Elements![0].AsString());
        Assert.Equal(42, reply.Elements[1].Integer);
        Assert.True(reply.Elements[2].IsNull);
        Assert.Equal("from-lua", await _client.GetStringAsync(key));
    }

    [Fact]
    public async Task Eval_script_error_throws()
    {
        await Assert.ThrowsAsync<RedisServerException>(() => _client.EvalAsync("return redis.call('NOPE')", [], []));
    }

    [Fact]
    public async Task Execute_returns_typed_replies()
    {
        Assert.Equal("PONG", (await _client.ExecuteAsync("PING")).AsString());
        Assert.Equal(RedisReplyType.SimpleString, (await _client.ExecuteAsync("PING")).Type);
        Assert.Equal("echo", (await _client.ExecuteAsync("ECHO", "echo")).AsString());
        Assert.Equal(RedisReplyType.BulkString, (await _client.ExecuteAsync("ECHO", "echo")).Type);
        Assert.Equal(RedisReplyType.Integer, (await _client.ExecuteAsync("EXISTS", NewKey())).Type);
        var unknown = await Assert.ThrowsAsync<RedisServerException>(() => _client.ExecuteAsync("NOSUCHCOMMAND"));
        Assert.Contains("unknown command", unknown.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ten_thousand_concurrent_pipelined_commands_get_their_own_replies()
    {
        var prefix = NewKey();
        const int count = 10_000;
        var sets = Enumerable.Range(0, count).Select(i =>
            Task.Run(() => _client.SetStringAsync($"{prefix}:{i}", $"value-{i}"))).ToArray();
        Assert.All(await Task.WhenAll(sets), Assert.True);

        var gets = Enumerable.Range(0, count).Select(i =>
            Task.Run(async () => (i, await _client.GetStringAsync($"{prefix}:{i}")))).ToArray();
        foreach (var (i, value) in await Task.WhenAll(gets))
        {
            Assert.Equal($"value-{i}", value);
        }

        var mixed = Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? _client.IncrementAsync(prefix + ":counter").ContinueWith(_ => (string?)null)
            : _client.GetStringAsync($"{prefix}:{i}")).ToArray();
        var results = await Task.WhenAll(mixed);
        for (var i = 1; i < count; i += 2)
        {
            Assert.Equal($"value-{i}", results[i]);
        }
        Assert.Equal(count / 2, long.Parse((await _client.GetStringAsync(prefix + ":counter"))!));
    }

    [Fact]
    public async Task Cancelled_wait_does_not_disturb_later_replies()
    {
        var list = NewKey();
        using var cts = new CancellationTokenSource();
        var blocked = _client.ExecuteAsync("BLPOP", [list, "1"], cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        // BLPOP still occupies its FIFO slot; the next reply must still reach the right caller.
        Assert.Equal("after", (await _client.ExecuteAsync("ECHO", "after")).AsString());
    }

    [Fact]
    public async Task Publish_reaches_subscriber_in_order()
    {
        var channel = NewKey();
        var received = new List<string>();
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (await _client.SubscribeAsync(channel, (ch, message) =>
        {
            Assert.Equal(channel, ch);
            lock (received)
            {
                received.Add(message);
                if (received.Count == 100)
                {
                    allArrived.TrySetResult();
                }
            }
            return Task.CompletedTask;
        }))
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(1, await _client.PublishAsync(channel, $"m{i}"));
            }
            await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"m{i}"), received);
        Assert.Equal(0, await _client.PublishAsync(channel, "nobody listens"));
    }

    [Fact]
    public async Task Two_subscriptions_on_one_channel_both_receive_and_unsubscribe_independently()
    {
        var channel = NewKey();
        var first = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = await _client.SubscribeAsync(channel, (_, m) => { first.TrySetResult(m); return Task.CompletedTask; });
        await using var b = await _client.SubscribeAsync(channel, (_, m) => { second.TrySetResult(m); return Task.CompletedTask; });

        await _client.PublishAsync(channel, "hello");
        Assert.Equal("hello", await first.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("hello", await second.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        await a.DisposeAsync();
        Assert.Equal(1, await _client.PublishAsync(channel, "still subscribed"));
    }

    [Fact]
    public async Task Failing_handler_keeps_the_subscription_alive()
    {
        var channel = NewKey();
        var good = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await _client.SubscribeAsync(channel, (_, m) =>
        {
            if (m == "boom")
            {
                throw new InvalidOperationException("handler failed");
            }
            good.TrySetResult(m);
            return Task.CompletedTask;
        });

        await _client.PublishAsync(channel, "boom");
        await _client.PublishAsync(channel, "fine");
        Assert.Equal("fine", await good.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Handler_may_dispose_its_own_subscription()
    {
        var channel = NewKey();
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        IAsyncDisposable? subscription = null;
        subscription = await _client.SubscribeAsync(channel, async (_, _) =>
        {
            await subscription!.DisposeAsync();
            disposed.TrySetResult();
        });

        await _client.PublishAsync(channel, "stop");
        await disposed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await _client.PublishAsync(channel, "nobody"));
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, int maxSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(maxSeconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}

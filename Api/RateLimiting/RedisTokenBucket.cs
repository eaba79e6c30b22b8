using StackExchange.Redis;

namespace VisionAspire.Api.RateLimiting;

/// <summary>
/// A token bucket per caller in one Redis hash, taken atomically by a Lua script on Redis' own clock, so any number
/// of Api replicas share each caller's budget and never disagree about time.
/// </summary>
public sealed class RedisTokenBucket(IDatabase redis)
{
    public sealed record Decision(bool Allowed, double Remaining, TimeSpan RetryAfter, TimeSpan UntilFull);

    // KEYS[1] bucket; ARGV capacity, tokens per millisecond, cost. Returns allowed, remaining (string: Lua numbers
    // lose their fraction on the way out), ms until the cost is available, ms until full.
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local capacity = tonumber(@capacity)
        local rate = tonumber(@rate)
        local cost = tonumber(@cost)
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local state = redis.call('HMGET', @key, 'tokens', 'at')
        local tokens = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
        local allowed = 0
        local wait = 0
        if tokens >= cost then
            tokens = tokens - cost
            allowed = 1
        else
            wait = math.ceil((cost - tokens) / rate)
        end
        redis.call('HSET', @key, 'tokens', tostring(tokens), 'at', now)
        local full = math.ceil((capacity - tokens) / rate)
        redis.call('PEXPIRE', @key, full + 1000)
        return { allowed, tostring(tokens), wait, full }
        """);

    public async Task<Decision> TakeAsync(string caller, RateLimitOptions limits, int cost)
    {
        var result = (RedisResult[])(await redis.ScriptEvaluateAsync(Take, new
        {
            key = (RedisKey)$"ratelimit:{caller}",
            capacity = limits.Burst,
            rate = limits.PerMinute / 60_000.0,
            cost,
        }))!;
        return new Decision(
            (int)result[0] == 1,
            double.Parse((string)result[1]!, System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds((long)result[2]),
            TimeSpan.FromMilliseconds((long)result[3]));
    }
}

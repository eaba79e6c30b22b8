using System.Text;
using VisionAspire.Redis.Internal;

namespace VisionAspire.Redis;

/// <summary>
/// RESP2 client over one multiplexed, pipelined connection that reconnects by itself, plus a second
/// connection opened on the first subscription. Thread-safe: share one instance per process.
/// Commands in flight when the connection drops fail with <see cref="RedisConnectionException"/>;
/// commands issued while reconnecting wait up to the connect timeout.
/// </summary>
public sealed class RedisClient : IRedisClient, IDisposable
{
    private readonly ConnectionSupervisor _commands;
    private readonly Lazy<RedisSubscriber> _subscriber;
    private int _disposed;

    private RedisClient(RedisConnectionOptions options)
    {
        Options = options;
        _commands = new ConnectionSupervisor(options);
        _subscriber = new Lazy<RedisSubscriber>(() => new RedisSubscriber(options));
    }

    public RedisConnectionOptions Options { get; }

    /// <summary>True while the command connection is up.</summary>
    public bool IsConnected => _commands.Current is not null;

    /// <summary>
    /// Connects to the server named by a StackExchange-shaped connection string (<c>host:port,password=...</c>).
    /// Throws <see cref="RedisConnectionException"/> (or <see cref="RedisAuthenticationException"/>) when the
    /// first connection fails, unless the string says <c>abortConnect=false</c>.
    /// </summary>
    public static Task<RedisClient> ConnectAsync(string connectionString, CancellationToken ct = default) =>
        ConnectAsync(RedisConnectionOptions.Parse(connectionString), ct);

    /// <summary>
    /// Returns at once and connects in the background (retrying with back-off); the first commands wait for
    /// the connection up to the connect timeout. For dependency injection, where construction cannot await.
    /// </summary>
    public static RedisClient Create(string connectionString) => Create(RedisConnectionOptions.Parse(connectionString));

    public static RedisClient Create(RedisConnectionOptions options)
    {
        var client = new RedisClient(options);
        client._commands.StartInBackground();
        return client;
    }

    public static async Task<RedisClient> ConnectAsync(RedisConnectionOptions options, CancellationToken ct = default)
    {
        var client = new RedisClient(options);
        try
        {
            await client._commands.StartAsync(ct).ConfigureAwait(false);
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct = default) =>
        (await SendAsync(["GET", key], ct).ConfigureAwait(false)).BulkBytes;

    public async Task<string?> GetStringAsync(string key, CancellationToken ct = default) =>
        (await SendAsync(["GET", key], ct).ConfigureAwait(false)).AsString();

    public Task<bool> SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken ct = default) =>
        SetCoreAsync(key, value, expiry, onlyIfNotExists, ct);

    public Task<bool> SetAsync(string key, IReadOnlyList<ReadOnlyMemory<byte>> valueSegments, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken ct = default) =>
        SetCoreAsync(key, RedisArg.FromSegments(valueSegments), expiry, onlyIfNotExists, ct);

    public Task<bool> SetStringAsync(string key, string value, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken ct = default) =>
        SetCoreAsync(key, value, expiry, onlyIfNotExists, ct);

    public async Task<long> DeleteAsync(string[] keys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return 0;
        }
        var args = new RedisArg[keys.Length + 1];
        args[0] = "DEL";
        for (var i = 0; i < keys.Length; i++)
        {
            args[i + 1] = keys[i];
        }
        return (await SendAsync(args, ct).ConfigureAwait(false)).Integer;
    }

    public async Task<bool> ExpireAsync(string key, TimeSpan expiry, CancellationToken ct = default)
    {
        var reply = IsWholeSeconds(expiry)
            ? await SendAsync(["EXPIRE", key, (long)expiry.TotalSeconds], ct).ConfigureAwait(false)
            : await SendAsync(["PEXPIRE", key, ToMilliseconds(expiry)], ct).ConfigureAwait(false);
        return reply.Integer == 1;
    }

    public async Task<long> IncrementAsync(string key, CancellationToken ct = default) =>
        (await SendAsync(["INCR", key], ct).ConfigureAwait(false)).Integer;

    public async Task HashSetAsync(string key, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            return;
        }
        var args = new RedisArg[2 + fields.Count * 2];
        args[0] = "HSET";
        args[1] = key;
        var i = 2;
        foreach (var (field, value) in fields)
        {
            args[i++] = field;
            args[i++] = value;
        }
        await SendAsync(args, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken ct = default)
    {
        var reply = await SendAsync(["HGETALL", key], ct).ConfigureAwait(false);
        var elements = reply.ArrayElements ?? [];
        var result = new Dictionary<string, string>(elements.Length / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < elements.Length; i += 2)
        {
            result[elements[i].AsString()!] = elements[i + 1].AsString() ?? string.Empty;
        }
        return result;
    }

    public Task<RedisReply> EvalAsync(string script, string[] keys, string[] args, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(args);
        var command = new RedisArg[3 + keys.Length + args.Length];
        command[0] = "EVAL";
        command[1] = script;
        command[2] = keys.Length;
        var i = 3;
        foreach (var key in keys)
        {
            command[i++] = key;
        }
        foreach (var arg in args)
        {
            command[i++] = arg;
        }
        return SendAsync(command, ct);
    }

    public async Task<long> PublishAsync(string channel, string message, CancellationToken ct = default) =>
        (await SendAsync(["PUBLISH", channel, message], ct).ConfigureAwait(false)).Integer;

    public Task<IAsyncDisposable> SubscribeAsync(string channel, Func<string, string, Task> handler, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _subscriber.Value.SubscribeAsync(channel, handler, ct);
    }

    public Task<RedisReply> ExecuteAsync(string command, params string[] args) =>
        ExecuteAsync(command, args, CancellationToken.None);

    /// <summary>Sends any command with binary-safe arguments given as text.</summary>
    public Task<RedisReply> ExecuteAsync(string command, IReadOnlyList<string> args, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(args);
        var all = new RedisArg[args.Count + 1];
        all[0] = command;
        for (var i = 0; i < args.Count; i++)
        {
            all[i + 1] = args[i];
        }
        return SendAsync(all, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        if (_subscriber.IsValueCreated)
        {
            await _subscriber.Value.DisposeAsync().ConfigureAwait(false);
        }
        await _commands.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closing is synchronous work (cancel, close sockets), so this is safe to call from sync code.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task<bool> SetCoreAsync(string key, RedisArg value, TimeSpan? expiry, bool onlyIfNotExists, CancellationToken ct)
    {
        RedisReply reply;
        if (expiry is { } ttl)
        {
            if (ttl <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(expiry), ttl, "Expiry must be positive.");
            }
            reply = (IsWholeSeconds(ttl), onlyIfNotExists) switch
            {
                (true, false) => await SendAsync(["SET", key, value, "EX", (long)ttl.TotalSeconds], ct).ConfigureAwait(false),
                (true, true) => await SendAsync(["SET", key, value, "EX", (long)ttl.TotalSeconds, "NX"], ct).ConfigureAwait(false),
                (false, false) => await SendAsync(["SET", key, value, "PX", ToMilliseconds(ttl)], ct).ConfigureAwait(false),
                (false, true) => await SendAsync(["SET", key, value, "PX", ToMilliseconds(ttl), "NX"], ct).ConfigureAwait(false),
            };
        }
        else
        {
            reply = onlyIfNotExists
                ? await SendAsync(["SET", key, value, "NX"], ct).ConfigureAwait(false)
                : await SendAsync(["SET", key, value], ct).ConfigureAwait(false);
        }
        return !reply.IsNull;
    }

    /// <summary>
    /// Fast path: encode straight onto the live connection. Slow path (reconnecting): copy the arguments
    /// and wait for the next connection.
    /// </summary>
    private Task<RedisReply> SendAsync(ReadOnlySpan<RedisArg> args, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var reply = _commands.Current?.TrySend(args);
        if (reply is null)
        {
            return SendWhenConnectedAsync(args.ToArray(), ct);
        }
        return ct.CanBeCanceled ? reply.WaitAsync(ct) : reply;
    }

    private async Task<RedisReply> SendWhenConnectedAsync(RedisArg[] args, CancellationToken ct)
    {
        while (true)
        {
            var connection = await _commands.WaitForConnectionAsync(ct).ConfigureAwait(false);
            var reply = connection.TrySend(args);
            if (reply is not null)
            {
                return await reply.WaitAsync(ct).ConfigureAwait(false);
            }
        }
    }

    private static bool IsWholeSeconds(TimeSpan value) => value.Ticks % TimeSpan.TicksPerSecond == 0;

    private static long ToMilliseconds(TimeSpan value) => Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds));
}

namespace VisionAspire.Redis;

/// <summary>
/// The Redis commands the system uses. Implementations are thread-safe: one instance is shared by the
/// whole process and concurrent callers are pipelined over a single connection.
/// </summary>
public interface IRedisClient : IAsyncDisposable
{
    Task<byte[]?> GetAsync(string key, CancellationToken ct = default);
    Task<string?> GetStringAsync(string key, CancellationToken ct = default);
    Task<bool> SetAsync(string key, ReadOnlyMemory<byte> value, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken ct = default);

    /// <summary>Sets one value given as consecutive segments (e.g. a header and a body), sent without joining them first.</summary>
    Task<bool> SetAsync(string key, IReadOnlyList<ReadOnlyMemory<byte>> valueSegments, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken ct = default);
    Task<bool> SetStringAsync(string key, string value, TimeSpan? expiry = null, bool onlyIfNotExists = false, CancellationToken ct = default);
    Task<long> DeleteAsync(string[] keys, CancellationToken ct = default);
    Task<bool> ExpireAsync(string key, TimeSpan expiry, CancellationToken ct = default);
    Task<long> IncrementAsync(string key, CancellationToken ct = default);
    Task HashSetAsync(string key, IReadOnlyDictionary<string, string> fields, CancellationToken ct = default);
    Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken ct = default);
    Task<RedisReply> EvalAsync(string script, string[] keys, string[] args, CancellationToken ct = default);
    Task<long> PublishAsync(string channel, string message, CancellationToken ct = default);

    /// <summary>
    /// Delivers every message published on <paramref name="channel"/> to <paramref name="handler"/>
    /// (channel, message), in order, one at a time, until the returned handle is disposed.
    /// The subscription survives reconnects.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(string channel, Func<string, string, Task> handler, CancellationToken ct = default);

    /// <summary>Sends any command; a <c>-ERR</c> reply throws <see cref="RedisServerException"/>.</summary>
    Task<RedisReply> ExecuteAsync(string command, params string[] args);
}

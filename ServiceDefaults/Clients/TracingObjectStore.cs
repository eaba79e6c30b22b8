using System.Diagnostics;
using VisionAspire.Storage;

namespace VisionAspire.ServiceDefaults.Clients;

/// <summary>
/// A client span around every object-store call (the S3 SDK and the filesystem emit none). While no tracer
/// listens to <see cref="ActivitySourceName"/> a call costs one small closure more.
/// </summary>
internal sealed class TracingObjectStore(IObjectStore inner) : IObjectStore, IDisposable
{
    public const string ActivitySourceName = "VisionAspire.Storage";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly string _system = inner is FileSystemObjectStore ? "filesystem" : "s3";

    public IObjectStore Inner => inner;

    public Task PutAsync(string key, ReadOnlyMemory<byte> data, string contentType, CancellationToken ct = default) =>
        TraceAsync("put", key, () => inner.PutAsync(key, data, contentType, ct));

    public Task<StoredObject?> GetAsync(string key, CancellationToken ct = default) =>
        TraceAsync("get", key, () => inner.GetAsync(key, ct));

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) =>
        TraceAsync("exists", key, () => inner.ExistsAsync(key, ct));

    public Task DeleteAsync(string key, CancellationToken ct = default) =>
        TraceAsync("delete", key, () => inner.DeleteAsync(key, ct));

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private Task TraceAsync(string operation, string key, Func<Task> call) =>
        TraceAsync(operation, key, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    private async Task<T> TraceAsync<T>(string operation, string key, Func<Task<T>> call)
    {
        using var activity = Source.StartActivity($"storage {operation}", ActivityKind.Client);
        if (activity is null)
        {
            return await call().ConfigureAwait(false);
        }

        activity.SetTag("storage.system", _system);
        activity.SetTag("storage.operation", operation);
        activity.SetTag("storage.key", key);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity.AddException(ex);
            throw;
        }
    }
}

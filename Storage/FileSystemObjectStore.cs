using System.Text;

namespace VisionAspire.Storage;

/// <summary>
/// Objects as files under <c>root/objects/&lt;key&gt;</c>, their content types under <c>root/meta/&lt;key&gt;</c>
/// (a separate tree, so no key can collide with a sidecar). Writes go to <c>root/tmp</c> first and are renamed
/// into place, so readers never see a partial file (the rename is atomic; there is no fsync, so a power cut
/// may lose recent writes, a crashed process cannot tear one). Thread-safe; several processes may share one root.
/// </summary>
public sealed class FileSystemObjectStore : IObjectStore
{
    private const string DefaultContentType = "application/octet-stream";

    private readonly string _objects;
    private readonly string _meta;
    private readonly string _temp;

    public FileSystemObjectStore(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        _objects = Path.Combine(RootPath, "objects");
        _meta = Path.Combine(RootPath, "meta");
        _temp = Path.Combine(RootPath, "tmp");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_meta);
        Directory.CreateDirectory(_temp);
    }

    public string RootPath { get; }

    public async Task PutAsync(string key, ReadOnlyMemory<byte> data, string contentType, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var dataPath = Resolve(_objects, key);
        var metaPath = Resolve(_meta, key);

        await WriteAtomicallyAsync(metaPath, Encoding.UTF8.GetBytes(contentType), ct).ConfigureAwait(false);
        await WriteAtomicallyAsync(dataPath, data, ct).ConfigureAwait(false);
    }

    public async Task<StoredObject?> GetAsync(string key, CancellationToken ct = default)
    {
        var dataPath = Resolve(_objects, key);
        byte[] data;
        try
        {
            data = await File.ReadAllBytesAsync(dataPath, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        string contentType;
        try
        {
            contentType = await File.ReadAllTextAsync(Resolve(_meta, key), Encoding.UTF8, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            contentType = DefaultContentType;
        }
        return new StoredObject(data, contentType);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) =>
        Task.FromResult(File.Exists(Resolve(_objects, key)));

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        // Data first: once it is gone the object is gone, whatever happens to the sidecar.
        File.Delete(Resolve(_objects, key));
        File.Delete(Resolve(_meta, key));
        return Task.CompletedTask;
    }

    private static string Resolve(string tree, string key)
    {
        ObjectKey.Validate(key);
        var path = Path.GetFullPath(Path.Combine(tree, key));
        // Belt and braces: validation already rules out every way out of the tree.
        if (!path.StartsWith(tree + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException(key, "it resolves outside the store");
        }
        return path;
    }

    private async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var tempPath = Path.Combine(_temp, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.Asynchronous))
            {
                await file.WriteAsync(data, ct).ConfigureAwait(false);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(tempPath, path, overwrite: true);
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }
}

namespace VisionAspire.Storage;

/// <summary>
/// A flat key/value blob store. Keys are relative, '/'-separated paths (see <see cref="ObjectKey"/>).
/// Implementations are thread-safe.
/// </summary>
public interface IObjectStore
{
    /// <summary>Stores (or replaces) an object. Readers see either the old or the new object, never a partial one.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> data, string contentType, CancellationToken ct = default);

    /// <summary>The object, or null when the key does not exist.</summary>
    Task<StoredObject?> GetAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the object; deleting a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);
}

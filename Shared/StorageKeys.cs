using System.Globalization;

namespace VisionAspire.Shared;

/// <summary>
/// Object-store keys. Originals are content-addressed, so a repeated write is idempotent; a processed output is
/// keyed by its image (its upload day, UTC) and task, so a task that runs again overwrites its own output.
/// </summary>
public static class StorageKeys
{
    public static string Original(string sha256) => $"originals/{sha256[..2]}/{sha256}";

    /// <summary>processed/yyyy/mm/dd/{imageId}/{task}.{extension}</summary>
    public static string Processed(Guid imageId, DateTimeOffset uploadedAt, string task, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"processed/{uploadedAt.UtcDateTime:yyyy'/'MM'/'dd}/{imageId}/{task}.{extension}");
}

namespace VisionAspire.Shared;

/// <summary>Object-store keys of originals: content-addressed, so a repeated write is idempotent.</summary>
public static class StorageKeys
{
    public static string Original(string sha256) => $"originals/{sha256[..2]}/{sha256}";
}

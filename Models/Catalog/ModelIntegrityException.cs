namespace VisionAspire.Models;

/// <summary>A model or labels file does not have the sha256 the catalog records: it is refused.</summary>
public sealed class ModelIntegrityException(string file, string expectedSha256, string actualSha256)
    : Exception($"Integrity check failed for '{file}': expected sha256 {expectedSha256}, got {actualSha256}. " +
                "The file is corrupt or not the catalogued version; fetch it again from the catalog's sourceUrl.")
{
    public string File { get; } = file;
    public string ExpectedSha256 { get; } = expectedSha256;
    public string ActualSha256 { get; } = actualSha256;
}

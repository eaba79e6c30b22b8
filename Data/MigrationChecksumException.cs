namespace VisionAspire.Data;

/// <summary>An applied migration's text changed since it ran; the service refuses to start on a schema it cannot vouch for.</summary>
public sealed class MigrationChecksumException(int version, string name, string appliedChecksum, string currentChecksum)
    : Exception($"Migration {version:D4}_{name} was applied with checksum {appliedChecksum} but the embedded script now hashes to {currentChecksum}. " +
                "Applied migrations must never be edited; add a new migration instead.")
{
    public int Version { get; } = version;
}

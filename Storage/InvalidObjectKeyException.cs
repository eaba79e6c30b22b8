namespace VisionAspire.Storage;

/// <summary>A key that could escape the store or is not portable between stores.</summary>
public sealed class InvalidObjectKeyException(string key, string reason)
    : ArgumentException($"Invalid object key '{ObjectKey.Printable(key)}': {reason}.", "key")
{
    public string Key { get; } = key;

    public string Reason { get; } = reason;
}

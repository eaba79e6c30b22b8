using System.Text;

namespace VisionAspire.Storage;

/// <summary>
/// The key rules every store enforces, so a key valid for one store is valid for all:
/// 1-1024 UTF-8 bytes, '/'-separated non-empty segments, no '.' or '..' segments, no backslash,
/// no leading '/', no control characters.
/// </summary>
public static class ObjectKey
{
    public const int MaxLengthInBytes = 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0)
        {
            throw new InvalidObjectKeyException(key, "it is empty");
        }
        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(key);
        }
        catch (EncoderFallbackException)
        {
            throw new InvalidObjectKeyException(key, "it is not valid Unicode (lone surrogate)");
        }
        if (byteCount > MaxLengthInBytes)
        {
            throw new InvalidObjectKeyException(key, $"it is longer than {MaxLengthInBytes} bytes");
        }
        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                throw new InvalidObjectKeyException(key, "it contains a control character");
            }
            if (c == '\\')
            {
                throw new InvalidObjectKeyException(key, "it contains a backslash");
            }
        }
        if (key[0] == '/' || Path.IsPathRooted(key))
        {
            throw new InvalidObjectKeyException(key, "it is an absolute path");
        }
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
            {
                throw new InvalidObjectKeyException(key, "it has an empty path segment");
            }
            if (segment is "." or "..")
            {
                throw new InvalidObjectKeyException(key, "it has a '.' or '..' segment");
            }
        }
    }

    internal static string Printable(string key) =>
        string.Concat(key.Take(200).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

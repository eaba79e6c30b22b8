using System.Security.Cryptography;
using System.Text;

namespace VisionAspire.Api.Auth;

/// <summary>
/// An API key's text: <c>va_</c> + 43 characters of base64url (32 random bytes). Its first
/// <see cref="PrefixLength"/> characters are the prefix that finds and names the key; the whole text is hashed.
/// The keys carry 256 bits of entropy, so a salted SHA-256 is enough (a slow password hash protects guessable
/// secrets, which these are not, and would cost every request).
/// </summary>
public static class ApiKeySecret
{
    public const string Scheme = "va_";
    public const int PrefixLength = 12;
    private const int MinimumLength = 32;

    public static string Generate() =>
        Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether the text can be a key at all (checked before any lookup).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: >= MinimumLength and <= 256 } && key.StartsWith(Scheme, StringComparison.Ordinal)
        && key.AsSpan(Scheme.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    public static string PrefixOf(string key) => key[..PrefixLength];

    public static (byte[] Salt, byte[] Hash) HashNew(string key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Hash(salt, key));
    }

    public static bool Matches(string key, byte[] salt, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(salt, key), hash);

    private static byte[] Hash(byte[] salt, string key)
    {
        var text = Encoding.UTF8.GetBytes(key);
        var input = new byte[salt.Length + text.Length];
        salt.CopyTo(input, 0);
        text.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}

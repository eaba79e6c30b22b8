namespace VisionAspire.Operations;

/// <summary>Where derived images live: object-store keys under processed/ and their Api URLs, both named by the result hash.</summary>
public static class ProcessedImages
{
    public const string UrlPrefix = "/api/v1/processed/";

    public static string Key(string hash) => $"processed/{hash[..2]}/{hash}";

    public static string Url(string hash) => UrlPrefix + hash;

    public static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);

    public static string HashOfKey(string key) => key[(key.LastIndexOf('/') + 1)..];
}

/// <summary>The result of one processed item, stored as the job item's result JSON.</summary>
public sealed record ProcessingResult(string Key, string Url, string ContentType, long SizeBytes, int? Width, int? Height, bool Cached);

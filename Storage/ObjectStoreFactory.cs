using System.Data.Common;

namespace VisionAspire.Storage;

/// <summary>
/// Builds a store from a connection string:
/// <c>Endpoint=http://host:port;AccessKey=...;SecretKey=...[;Bucket=vision]</c> (S3/MinIO, the shape Aspire's
/// MinIO resource hands out) or <c>Path=/abs/dir</c> (filesystem).
/// </summary>
public static class ObjectStoreFactory
{
    public const string DefaultBucket = "vision";

    public static IObjectStore FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };

        if (TryGet(parts, "Path") is { } path)
        {
            return new FileSystemObjectStore(path);
        }

        var endpoint = TryGet(parts, "Endpoint")
            ?? throw new FormatException("The object store connection string needs either 'Path=...' or 'Endpoint=...'.");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"Object store Endpoint '{endpoint}' is not an absolute http(s) URL.");
        }
        var accessKey = TryGet(parts, "AccessKey") ?? throw new FormatException("The object store connection string lacks 'AccessKey'.");
        var secretKey = TryGet(parts, "SecretKey") ?? throw new FormatException("The object store connection string lacks 'SecretKey'.");
        return new S3ObjectStore(uri, accessKey, secretKey, TryGet(parts, "Bucket") ?? DefaultBucket);
    }

    private static string? TryGet(DbConnectionStringBuilder parts, string name) =>
        parts.TryGetValue(name, out var value) && value is string text && !string.IsNullOrWhiteSpace(text) ? text : null;
}

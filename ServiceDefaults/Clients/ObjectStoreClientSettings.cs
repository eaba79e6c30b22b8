namespace VisionAspire.ServiceDefaults.Clients;

/// <summary>
/// Settings of <c>AddObjectStoreClient</c>, bound from <c>Aspire:ObjectStore:Client</c> (then from its
/// sub-section named after the connection); <c>ConnectionStrings:&lt;name&gt;</c> wins over <see cref="ConnectionString"/>.
/// </summary>
public sealed class ObjectStoreClientSettings
{
    /// <summary><c>Path=/abs/folder</c> or <c>Endpoint=http://host:port;AccessKey=...;SecretKey=...[;Bucket=...]</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool DisableHealthChecks { get; set; }

    /// <summary>How long the health check may take before it reports the store as unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool DisableTracing { get; set; }
}

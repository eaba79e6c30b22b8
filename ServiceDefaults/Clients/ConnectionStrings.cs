using Microsoft.Extensions.Configuration;

namespace VisionAspire.ServiceDefaults.Clients;

internal static class ConnectionStrings
{
    /// <summary>The connection string Aspire injects as <c>ConnectionStrings__&lt;name&gt;</c>, or a clear error.</summary>
    public static string Require(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is missing: set the environment variable ConnectionStrings__{name} " +
                $"(or ConnectionStrings:{name} in configuration). The AppHost sets it for resources passed to WithReference.");
}

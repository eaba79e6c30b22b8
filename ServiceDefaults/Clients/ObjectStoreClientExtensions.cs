using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;
using VisionAspire.ServiceDefaults.Clients;
using VisionAspire.Storage;

namespace Microsoft.Extensions.Hosting;

/// <summary>The object store as a client integration in the shape of Aspire's (no Aspire package exists for it).</summary>
public static class ObjectStoreClientExtensions
{
    public const string DefaultConfigSectionName = "Aspire:ObjectStore:Client";
    public const string HealthCheckName = "ObjectStore";

    /// <summary>
    /// Registers <see cref="IObjectStore"/> as a singleton built from <c>ConnectionStrings:&lt;connectionName&gt;</c>
    /// (a filesystem store for <c>Path=</c>, else S3), with a health check and tracing. A missing or malformed
    /// connection string throws when the store is first resolved (and fails the health check), as Aspire's clients do.
    /// </summary>
    public static void AddObjectStoreClient(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<ObjectStoreClientSettings>? configureSettings = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var section = builder.Configuration.GetSection(DefaultConfigSectionName);
        var settings = new ObjectStoreClientSettings();
        section.Bind(settings);
        section.GetSection(connectionName).Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);

        builder.Services.AddSingleton<IObjectStore>(_ =>
        {
            var store = ObjectStoreFactory.FromConnectionString(RequireConnectionString(settings, connectionName));
            return settings.DisableTracing ? store : new TracingObjectStore(store);
        });

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(TracingObjectStore.ActivitySourceName));
        }

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                HealthCheckName,
                sp => new ObjectStoreHealthCheck(sp),
                failureStatus: default,
                tags: default,
                timeout: settings.HealthCheckTimeout));
        }
    }

    private static string RequireConnectionString(ObjectStoreClientSettings settings, string connectionName) =>
        string.IsNullOrWhiteSpace(settings.ConnectionString)
            ? throw new InvalidOperationException(
                $"The object store connection string is missing: set ConnectionStrings:{connectionName} (environment variable " +
                $"ConnectionStrings__{connectionName}; the AppHost sets it through WithReference) or " +
                $"'{DefaultConfigSectionName}:ConnectionString'.")
            : settings.ConnectionString;
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace VisionAspire.Shared;

/// <summary>
/// Redis through Aspire's StackExchange.Redis client, tuned for a cache that is only an optimisation: the object
/// store and Postgres hold the truth, so a Redis outage must slow nothing down and must not make a service unready.
/// </summary>
public static class CacheRegistration
{
    /// <summary>The name Aspire.StackExchange.Redis gives its (unkeyed) health check.</summary>
    public const string HealthCheckName = "StackExchange.Redis";

    /// <summary>
    /// Registers <see cref="IConnectionMultiplexer"/> (and its default <see cref="IDatabase"/>) for connection
    /// <paramref name="connectionName"/>. Commands fail at once while disconnected instead of queueing for the
    /// 5 s command timeout (callers fall back to the store), and the health check reports Degraded, not Unhealthy.
    /// </summary>
    public static IHostApplicationBuilder AddCacheClient(this IHostApplicationBuilder builder, string connectionName)
    {
        builder.AddRedisClient(connectionName, configureOptions: options => options.BacklogPolicy = BacklogPolicy.FailFast);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase());
        builder.Services.Configure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations.Where(r => r.Name == HealthCheckName))
            {
                registration.FailureStatus = HealthStatus.Degraded;
            }
        });
        return builder;
    }
}

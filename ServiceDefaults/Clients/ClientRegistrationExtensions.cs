using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;
using VisionAspire.Redis;
using VisionAspire.ServiceDefaults.Clients;
using VisionAspire.Storage;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Client registrations named like Aspire's integrations. Each reads <c>ConnectionStrings__&lt;name&gt;</c> when the
/// client is first resolved (a missing one throws <see cref="InvalidOperationException"/> naming that variable),
/// registers one shared client and a health check named after the connection.
/// </summary>
public static class ClientRegistrationExtensions
{
    /// <summary><see cref="IRedisClient"/> singleton; connects in the background, commands wait for the connection.</summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        builder.Services.AddSingleton<IRedisClient>(sp =>
            RedisClient.Create(ConnectionStrings.Require(sp.GetRequiredService<IConfiguration>(), connectionName)));
        builder.Services.AddHealthChecks().Add(new(
            $"redis-{connectionName}", sp => new RedisHealthCheck(sp.GetRequiredService<IRedisClient>()), null, ["ready"], TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary><see cref="NpgsqlDataSource"/> singleton (also as <see cref="System.Data.Common.DbDataSource"/>), health check <c>SELECT 1</c>.</summary>
    public static IHostApplicationBuilder AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        builder.Services.AddSingleton(sp =>
            new NpgsqlDataSourceBuilder(ConnectionStrings.Require(sp.GetRequiredService<IConfiguration>(), connectionName))
                .UseLoggerFactory(sp.GetService<ILoggerFactory>())
                .Build());
        builder.Services.AddSingleton<System.Data.Common.DbDataSource>(sp => sp.GetRequiredService<NpgsqlDataSource>());
        builder.Services.AddHealthChecks().Add(new(
            $"postgres-{connectionName}", sp => new NpgsqlHealthCheck(sp.GetRequiredService<NpgsqlDataSource>()), null, ["ready"], TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// RabbitMQ <see cref="IConnection"/> singleton with automatic recovery. Resolving it waits (with retries)
    /// until the broker accepts the connection, up to two minutes.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMQClient(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        var clientName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;
        builder.Services.AddSingleton(sp => new RabbitMQConnectionProvider(
            ConnectionStrings.Require(sp.GetRequiredService<IConfiguration>(), connectionName),
            clientName,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("VisionAspire.ServiceDefaults.RabbitMQ")));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<RabbitMQConnectionProvider>().Connection.Value.GetAwaiter().GetResult());
        builder.Services.AddHealthChecks().Add(new(
            $"rabbitmq-{connectionName}", sp => new RabbitMQHealthCheck(sp.GetRequiredService<RabbitMQConnectionProvider>().Connection), null, ["ready"], TimeSpan.FromSeconds(10)));
        return builder;
    }

    /// <summary><see cref="IObjectStore"/> singleton from <c>Endpoint=...;AccessKey=...;SecretKey=...[;Bucket=...]</c> or <c>Path=...</c>.</summary>
    public static IHostApplicationBuilder AddObjectStoreClient(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        builder.Services.AddSingleton(sp =>
            ObjectStoreFactory.FromConnectionString(ConnectionStrings.Require(sp.GetRequiredService<IConfiguration>(), connectionName)));
        builder.Services.AddHealthChecks().Add(new(
            $"storage-{connectionName}", sp => new ObjectStoreHealthCheck(sp.GetRequiredService<IObjectStore>()), null, ["ready"], TimeSpan.FromSeconds(5)));
        return builder;
    }
}

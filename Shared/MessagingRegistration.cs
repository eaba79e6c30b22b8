using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;

namespace VisionAspire.Shared;

/// <summary>RabbitMQ through Aspire's RabbitMQ.Client integration, with a bounded connection wait.</summary>
public static class MessagingRegistration
{
    public const string SettingsSection = "Aspire:RabbitMQ:Client";

    /// <summary>
    /// Aspire retries a failed connect 5 times with exponential back-off (1+2+4+8+16 s), each attempt allowed 30 s,
    /// and both <c>/health</c> and every first use block on it. These defaults bound an unreachable broker to about
    /// 3 s refused (attempts at 0, 1 and 3 s) or 18 s silent; configuration under <see cref="SettingsSection"/> overrides them.
    /// </summary>
    private static readonly Dictionary<string, string?> ConnectDefaults = new()
    {
        [$"{SettingsSection}:MaxConnectRetryCount"] = "2",
        [$"{SettingsSection}:ConnectionFactory:RequestedConnectionTimeout"] = "00:00:05",
    };

    /// <summary>
    /// Registers the RabbitMQ <c>IConnection</c> for connection <paramref name="connectionName"/> (opened on first use,
    /// recovering by itself after a broker restart) named after the service in the broker's connection list.
    /// </summary>
    public static IHostApplicationBuilder AddMessagingClient(this IHostApplicationBuilder builder, string connectionName)
    {
        // Lowest precedence: every configuration source the host already has wins over these.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = ConnectDefaults });
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : builder.Environment.ApplicationName;
        builder.AddRabbitMQClient(connectionName, configureConnectionFactory: factory => factory.ClientProvidedName ??= serviceName);
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RabbitMQ.Client;

namespace VisionAspire.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BrokerConnection"/> over the <see cref="IConnection"/> already in DI (AddRabbitMQClient),
    /// <see cref="MessagePublisher"/> (singleton), and a hosted service that declares the topology once the broker is
    /// reachable, with a readiness health check that fails until it has.
    /// </summary>
    public static IServiceCollection AddVisionMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        services.TryAddSingleton(sp => new BrokerConnection(() => sp.GetRequiredService<IConnection>()));
        services.TryAddSingleton(sp => new MessagePublisher(sp.GetRequiredService<BrokerConnection>()));
        services.TryAddSingleton<MessagingTopologyService>();
        services.AddHostedService(sp => sp.GetRequiredService<MessagingTopologyService>());
        services.AddHealthChecks().AddCheck<MessagingTopologyService>(MessagingTopologyService.HealthCheckName);
        return services;
    }
}

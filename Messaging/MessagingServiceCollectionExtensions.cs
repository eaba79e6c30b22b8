using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RabbitMQ.Client;

namespace VisionAspire.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MessagePublisher"/> (singleton) over the <see cref="IConnection"/> already in DI
    /// (AddRabbitMQClient) and a hosted service that declares the topology at start-up. Call it before
    /// registering consumers: hosted services start in registration order (consumers also retry until their
    /// queue exists).
    /// </summary>
    public static IServiceCollection AddVisionMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new MessagePublisher(sp.GetRequiredService<IConnection>()));
        services.AddHostedService<MessagingTopologyService>();
        return services;
    }
}

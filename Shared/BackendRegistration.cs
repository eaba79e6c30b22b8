using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VisionAspire.Data;
using VisionAspire.Messaging;

namespace VisionAspire.Shared;

public static class BackendRegistration
{
    /// <summary>
    /// Registers what every VisionAspire service talks to, by the AppHost's resource names, through Aspire's client
    /// integrations: Postgres (with automatic statement preparation) and the data layer, Redis, RabbitMQ, the
    /// messaging layer and the confirmed-publisher pool, and the object store.
    /// </summary>
    public static IHostApplicationBuilder AddVisionBackends(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ResourceNames.Database, configureDataSourceBuilder: DatabaseConnections.EnableAutoPrepare);
        builder.AddCacheClient(ResourceNames.Cache);
        builder.AddMessagingClient(ResourceNames.Messaging);
        builder.AddObjectStoreClient(ResourceNames.Storage);
        builder.Services.AddVisionData();
        builder.Services.AddVisionMessaging();
        builder.Services.AddSingleton(sp => new PublisherPool(sp.GetRequiredService<BrokerConnection>()));
        return builder;
    }
}

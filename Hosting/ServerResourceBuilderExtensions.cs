using VisionAspire.Hosting.ApplicationModel;

namespace VisionAspire.Hosting;

/// <summary>AddRedis, AddPostgres/AddDatabase, AddRabbitMQ and AddMinio, named like Aspire's hosting integrations.</summary>
public static class ServerResourceBuilderExtensions
{
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var redis = new RedisResource(name, GeneratedPassword(builder, name));
        redis.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", "tcp", port, 6379));
        return builder.AddResource(redis);
    }

    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var postgres = new PostgresServerResource(name, GeneratedPassword(builder, name));
        postgres.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", "tcp", port, 5432));
        return builder.AddResource(postgres);
    }

    /// <summary>A database on the server; created (CREATE DATABASE) when missing, once the server is up.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database);
    }

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var rabbit = new RabbitMQServerResource(name, GeneratedPassword(builder, name));
        rabbit.Endpoints.Add(new EndpointAnnotation("tcp", "tcp", "tcp", port, 5672));
        return builder.AddResource(rabbit);
    }

    /// <summary>S3-compatible storage; see <see cref="MinioResource"/> for what runs locally.</summary>
    public static IResourceBuilder<MinioResource> AddMinio(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var user = builder.CreateResourceBuilder(new ParameterResource($"{name}-user", secret: false, defaultValue: "minioadmin")).Resource;
        var minio = new MinioResource(name, user, GeneratedPassword(builder, name));
        minio.Endpoints.Add(new EndpointAnnotation("http", "http", "http", port, 9000));
        minio.Endpoints.Add(new EndpointAnnotation("console", "http", "http", null, 9001));
        return builder.AddResource(minio);
    }

    /// <summary>Keeps the server's data in a named volume when deployed (locally it is always under the state folder).</summary>
    public static IResourceBuilder<T> WithDataVolume<T>(this IResourceBuilder<T> builder, string? name = null, bool isReadOnly = false)
        where T : ContainerResource
    {
        builder.Resource.DataVolume = new VolumeMount(name ?? $"{builder.Resource.Name}-data", builder.Resource.DataPath, isReadOnly);
        return builder;
    }

    private static ParameterResource GeneratedPassword(IDistributedApplicationBuilder builder, string owner) =>
        builder.CreateResourceBuilder(new ParameterResource($"{owner}-password", secret: true, defaultValue: null)).Resource;
}

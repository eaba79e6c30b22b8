using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace VisionAspire.LocalServers;

/// <summary>
/// Connection strings for the published manifest that aspirate (8.x/9.x manifests) can convert: only parameters and
/// endpoint host/port. Aspire 13's own Redis and RabbitMQ strings use a uri-encoded password (an <c>annotated.string</c>
/// resource) and a TLS condition (a <c>cond-</c> value resource), which aspirate does not know. Our generated passwords
/// have no special characters, so the plain value is the same string.
/// </summary>
internal static class PublishedConnectionStrings
{
    public static void Shape(IResourceBuilder<RedisResource> redis)
    {
        var resource = redis.Resource;
        redis.WithEndpoint(RedisPrimaryEndpoint, e => e.UriScheme = "tcp")
            .WithConnectionStringRedirection(new Published($"{resource.Name}-published", ReferenceExpression.Create(
                $"{resource.PrimaryEndpoint.Property(EndpointProperty.Host)}:{resource.PrimaryEndpoint.Property(EndpointProperty.Port)},password={resource.PasswordParameter!}")));
    }

    /// <summary>
    /// Aspire's RabbitMQ resource ignores a connection-string redirection, so in the manifest it is replaced by a
    /// container resource with the same name and annotations (image, volume, endpoint, environment) and a plain string.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> Shape(IResourceBuilder<RabbitMQServerResource> rabbitMq)
    {
        var original = rabbitMq.Resource;
        var builder = rabbitMq.ApplicationBuilder;
        builder.Resources.Remove(original);
        var replacement = new PublishedRabbitMQResource(original.Name, original.PasswordParameter);
        foreach (var annotation in original.Annotations)
        {
            replacement.Annotations.Add(annotation);
        }
        return builder.AddResource(replacement);
    }

    private sealed class PublishedRabbitMQResource(string name, ParameterResource password)
        : ContainerResource(name), IResourceWithConnectionString
    {
        public ReferenceExpression ConnectionStringExpression
        {
            get
            {
                var endpoint = new EndpointReference(this, "tcp");
                return ReferenceExpression.Create(
                    $"amqp://guest:{password}@{endpoint.Property(EndpointProperty.Host)}:{endpoint.Property(EndpointProperty.Port)}");
            }
        }
    }

    private const string RedisPrimaryEndpoint = "tcp";

    private sealed class Published(string name, ReferenceExpression connectionString) : Resource(name), IResourceWithConnectionString
    {
        public ReferenceExpression ConnectionStringExpression { get; } = connectionString;
    }
}

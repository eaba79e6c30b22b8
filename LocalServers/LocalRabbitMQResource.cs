using Aspire.Hosting.ApplicationModel;

namespace VisionAspire.LocalServers;

/// <summary>
/// Debian's RabbitMQ on 127.0.0.1 with every path in its state folder, talking to its own epmd resource, with the
/// connection string Aspire's RabbitMQ container resource gives (user guest).
/// </summary>
public sealed class LocalRabbitMQResource(string name, string command, string stateDirectory, ParameterResource password)
    : ExecutableResource(name, command, stateDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string DistributionEndpointName = "dist";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://guest:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}

using Aspire.Hosting.ApplicationModel;

namespace VisionAspire.LocalServers;

/// <summary>Debian's redis-server on 127.0.0.1, with the connection string Aspire's Redis container resource gives.</summary>
public sealed class LocalRedisResource(string name, string command, string stateDirectory, ParameterResource password)
    : ExecutableResource(name, command, stateDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public string ConfigFile => Path.Combine(WorkingDirectory, "redis.conf");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)},password={PasswordParameter}");
}

using Aspire.Hosting.ApplicationModel;

namespace VisionAspire.LocalServers;

/// <summary>
/// Debian's PostgreSQL on 127.0.0.1 (TCP only, scram-sha-256), with the connection string Aspire's Postgres container
/// resource gives. The cluster lives in <see cref="DataDirectory"/>; as root it runs as the user postgres.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string stateDirectory, ParameterResource password)
    : ExecutableResource(name, command, stateDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public string DataDirectory => Path.Combine(WorkingDirectory, "data");

    public Dictionary<string, string> Databases { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={PasswordParameter}");
}

/// <summary>A database on a <see cref="LocalPostgresServerResource"/>, created when the server is first ready.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    public LocalPostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>A PostgreSQL server: docker.io/library/postgres in the manifest, Debian's PostgreSQL locally.</summary>
public sealed class PostgresServerResource(string name, ParameterResource password) : ContainerResource(name), ILocalServer
{
    public ParameterResource PasswordParameter { get; } = password;

    public List<PostgresDatabaseResource> Databases { get; } = [];

    public override string Image => "docker.io/library/postgres:17.0";

    public override string DataPath => "/var/lib/postgresql/data";

    public override IReadOnlyList<KeyValuePair<string, string>> ContainerEnvironment =>
    [
        new("POSTGRES_HOST_AUTH_METHOD", "scram-sha-256"),
        new("POSTGRES_INITDB_ARGS", "--auth-host=scram-sha-256 --auth-local=scram-sha-256"),
        new("POSTGRES_USER", "postgres"),
        new("POSTGRES_PASSWORD", PasswordParameter.ValueExpression),
    ];

    public override IReadOnlyList<ParameterResource> Parameters => [PasswordParameter];

    public override string ConnectionStringExpression =>
        $"Host={{{Name}.bindings.tcp.host}};Port={{{Name}.bindings.tcp.port}};Username=postgres;Password={PasswordParameter.ValueExpression}";

    void ILocalServer.EnsureInstalled(string? searchPath) =>
        ServerBinaries.Locate("postgres", "postgresql-15", searchPath, "/usr/lib/postgresql/*/bin");

    async Task<LocalServerInstance> ILocalServer.StartAsync(LocalServerContext context, CancellationToken ct)
    {
        var server = await PostgresServerProcess.StartAsync(
            context.Options with { Password = context.ParameterValue(PasswordParameter) }, ct);
        return new LocalServerInstance(server, server.ConnectionString);
    }
}

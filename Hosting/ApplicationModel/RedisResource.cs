using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>Redis: docker.io/library/redis in the manifest, Debian's redis-server locally.</summary>
public sealed class RedisResource(string name, ParameterResource password) : ContainerResource(name), ILocalServer
{
    public ParameterResource PasswordParameter { get; } = password;

    public override string Image => "docker.io/library/redis:7.4";

    public override string Entrypoint => "/bin/sh";

    public override IReadOnlyList<string> Args => ["-c", "redis-server --requirepass $REDIS_PASSWORD"];

    public override string DataPath => "/data";

    public override IReadOnlyList<KeyValuePair<string, string>> ContainerEnvironment =>
        [new("REDIS_PASSWORD", PasswordParameter.ValueExpression)];

    public override IReadOnlyList<ParameterResource> Parameters => [PasswordParameter];

    public override string ConnectionStringExpression =>
        $"{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}},password={PasswordParameter.ValueExpression}";

    void ILocalServer.EnsureInstalled(string? searchPath) =>
        ServerBinaries.Locate("redis-server", "redis-server", searchPath, "/usr/bin");

    async Task<LocalServerInstance> ILocalServer.StartAsync(LocalServerContext context, CancellationToken ct)
    {
        var server = await RedisServerProcess.StartAsync(
            context.Options with { Password = context.ParameterValue(PasswordParameter) }, ct);
        return new LocalServerInstance(server, server.ConnectionString);
    }
}

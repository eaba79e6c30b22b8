using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>RabbitMQ: docker.io/library/rabbitmq in the manifest, Debian's rabbitmq-server (with its own epmd) locally.</summary>
public sealed class RabbitMQServerResource(string name, ParameterResource password) : ContainerResource(name), ILocalServer
{
    public ParameterResource PasswordParameter { get; } = password;

    public override string Image => "docker.io/library/rabbitmq:4.0";

    public override string DataPath => "/var/lib/rabbitmq";

    public override IReadOnlyList<KeyValuePair<string, string>> ContainerEnvironment =>
    [
        new("RABBITMQ_DEFAULT_USER", "guest"),
        new("RABBITMQ_DEFAULT_PASS", PasswordParameter.ValueExpression),
    ];

    public override IReadOnlyList<ParameterResource> Parameters => [PasswordParameter];

    public override string ConnectionStringExpression =>
        $"amqp://guest:{PasswordParameter.ValueExpression}@{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}}";

    void ILocalServer.EnsureInstalled(string? searchPath) =>
        ServerBinaries.Locate("rabbitmq-server", "rabbitmq-server", searchPath, "/usr/lib/rabbitmq/bin");

    async Task<LocalServerInstance> ILocalServer.StartAsync(LocalServerContext context, CancellationToken ct)
    {
        var server = await RabbitMqServerProcess.StartAsync(
            context.Options with { Password = context.ParameterValue(PasswordParameter) }, ct);
        return new LocalServerInstance(server, server.ConnectionString);
    }
}

using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>
/// S3-compatible object storage: MinIO in the manifest (CommunityToolkit's shape). Locally, in this order:
/// the connection string configured for it (ConnectionStrings:name), a <c>minio</c> binary on PATH, or a
/// filesystem store under the state folder ("Path=...").
/// </summary>
public sealed class MinioResource(string name, ParameterResource user, ParameterResource password) : ContainerResource(name), ILocalServer
{
    public ParameterResource UserParameter { get; } = user;

    public ParameterResource PasswordParameter { get; } = password;

    public override string Image => "docker.io/minio/minio:RELEASE.2025-04-22T22-12-26Z";

    public override IReadOnlyList<string> Args => ["server", "/data", "--console-address", ":9001"];

    public override string DataPath => "/data";

    public override IReadOnlyList<KeyValuePair<string, string>> ContainerEnvironment =>
    [
        new("MINIO_ROOT_USER", UserParameter.ValueExpression),
        new("MINIO_ROOT_PASSWORD", PasswordParameter.ValueExpression),
    ];

    public override IReadOnlyList<ParameterResource> Parameters => [UserParameter, PasswordParameter];

    public override string ConnectionStringExpression =>
        $"Endpoint=http://{{{Name}.bindings.http.host}}:{{{Name}.bindings.http.port}};AccessKey={UserParameter.ValueExpression};SecretKey={PasswordParameter.ValueExpression}";

    void ILocalServer.EnsureInstalled(string? searchPath)
    {
    }

    async Task<LocalServerInstance> ILocalServer.StartAsync(LocalServerContext context, CancellationToken ct)
    {
        if (context.Configuration($"ConnectionStrings:{Name}") is { Length: > 0 } configured)
        {
            return new LocalServerInstance(null, configured);
        }

        if (MinioServerProcess.IsInstalled(context.Options.SearchPath))
        {
            var server = await MinioServerProcess.StartAsync(
                context.Options with { Password = context.ParameterValue(PasswordParameter) },
                context.ParameterValue(UserParameter), ct);
            return new LocalServerInstance(server, server.ConnectionString);
        }

        var folder = Path.Combine(context.Options.DataDirectory, "objects");
        Directory.CreateDirectory(folder);
        return new LocalServerInstance(null, $"Path={folder}");
    }
}

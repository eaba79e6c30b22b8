using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using VisionAspire.LocalServers;

namespace Aspire.Hosting;

public static class ObjectStorageExtensions
{
    /// <summary>
    /// S3-compatible object storage. Publishing: a MinIO container (http 9000, console 9001, data volume, generated root
    /// password) with the connection string <c>Endpoint=http://host:port;AccessKey=...;SecretKey=...</c>. Running: the
    /// connection string configured as <c>ConnectionStrings:name</c> (S3/MinIO elsewhere), else a filesystem store in
    /// the state folder (<c>Path=...</c>): no MinIO server binary is installable here.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddObjectStorage(this IDistributedApplicationBuilder builder, [ResourceName] string name)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            var user = builder.AddParameter($"{name}-user", "minioadmin", publishValueAsDefault: true);
            var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
            return builder.AddResource(new MinioResource(name, user.Resource, password))
                .WithImage("minio/minio", "RELEASE.2025-04-22T22-12-26Z")
                .WithImageRegistry("docker.io")
                .WithArgs("server", "/data", "--console-address", ":9001")
                .WithHttpEndpoint(targetPort: 9000, name: MinioResource.PrimaryEndpointName)
                .WithHttpEndpoint(targetPort: 9001, name: "console")
                .WithEnvironment("MINIO_ROOT_USER", user.Resource)
                .WithEnvironment("MINIO_ROOT_PASSWORD", password)
                .WithVolume($"{name}-data", "/data");
        }

        return builder.Configuration.GetConnectionString(name) is { Length: > 0 }
            ? builder.AddConnectionString(name)
            : builder.AddConnectionString(name, ReferenceExpression.Create($"Path={Path.Combine(StateDirectory.For(builder, name), "objects")}"));
    }
}

/// <summary>MinIO in a container, as the CommunityToolkit's MinIO integration describes it.</summary>
public sealed class MinioResource(string name, ParameterResource user, ParameterResource password)
    : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "http";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint=http://{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)};AccessKey={user};SecretKey={password}");
}

using System.Text.Json;
using VisionAspire.Hosting.Publishing;
using VisionAspire.Hosting.Testing;

namespace VisionAspire.Hosting.Tests.Publishing;

public sealed class ManifestTests
{
    private static string RepositoryRoot => Hosting.RepositoryRoot.Find() ?? throw new InvalidOperationException("VisionAspire.sln not found");

    private static async Task<string> GenerateAsync()
    {
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
        return ManifestPublisher.Write(appHost.Build().Model, RepositoryRoot);
    }

    [Fact]
    public async Task Committed_manifest_matches_what_the_AppHost_generates()
    {
        var committed = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "aspire-manifest.json"));

        Assert.True(committed == await GenerateAsync(),
            "aspire-manifest.json is stale: run `make manifest` and commit the result.");
    }

    [Fact]
    public async Task Manifest_has_the_aspire_shapes_aspirate_reads()
    {
        using var manifest = JsonDocument.Parse(await GenerateAsync());
        var resources = manifest.RootElement.GetProperty("resources");
        string Type(string name) => resources.GetProperty(name).GetProperty("type").GetString()!;

        Assert.Equal("https://json.schemastore.org/aspire-8.0.json", manifest.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(
            ["cache", "postgres", "visiondb", "messaging", "storage", "api", "preprocessor", "workers",
             "cache-password", "postgres-password", "messaging-password", "storage-user", "storage-password"],
            resources.EnumerateObject().Select(p => p.Name));
        Assert.All(["cache", "postgres", "messaging", "storage"], n => Assert.Equal("container.v0", Type(n)));
        Assert.All(["api", "preprocessor", "workers"], n => Assert.Equal("project.v0", Type(n)));
        Assert.Equal("value.v0", Type("visiondb"));
        Assert.Equal("{postgres.connectionString};Database=visiondb", resources.GetProperty("visiondb").GetProperty("connectionString").GetString());

        var api = resources.GetProperty("api");
        Assert.Equal("Api/Api.csproj", api.GetProperty("path").GetString());
        var http = api.GetProperty("bindings").GetProperty("http");
        Assert.True(http.GetProperty("external").GetBoolean());
        Assert.False(http.TryGetProperty("targetPort", out _));
        Assert.Equal("{visiondb.connectionString}", api.GetProperty("env").GetProperty("ConnectionStrings__visiondb").GetString());
        Assert.False(resources.GetProperty("workers").GetProperty("bindings").GetProperty("http").TryGetProperty("external", out _));

        var password = resources.GetProperty("cache-password").GetProperty("inputs").GetProperty("value");
        Assert.True(password.GetProperty("secret").GetBoolean());
        Assert.Equal(22, password.GetProperty("default").GetProperty("generate").GetProperty("minLength").GetInt32());
        Assert.Equal("minioadmin", resources.GetProperty("storage-user").GetProperty("inputs").GetProperty("value")
            .GetProperty("default").GetProperty("value").GetString());
        Assert.Equal(6379, resources.GetProperty("cache").GetProperty("bindings").GetProperty("tcp").GetProperty("targetPort").GetInt32());
    }
}

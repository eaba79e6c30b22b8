using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using VisionAspire.Integration.Tests.Support;
using VisionAspire.TestSupport;

namespace VisionAspire.Integration.Tests;

/// <summary>
/// The committed aspire-manifest.json is what Aspire's own publisher writes for the AppHost today, and it stays inside
/// what aspirate (the manifest-to-Kubernetes converter, 8.x/9.x manifests) understands.
/// </summary>
public sealed partial class ManifestTests
{
    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("VisionAspire.sln not found");

    private static readonly string[] AspirateResourceTypes = ["container.v0", "project.v0", "value.v0", "parameter.v0"];

    [Fact]
    public async Task Committed_manifest_matches_what_the_apphost_publishes()
    {
        var published = await PublishAsync();

        Assert.True(File.ReadAllText(Path.Combine(Root, "aspire-manifest.json")) == published,
            "aspire-manifest.json is stale: run `make manifest` and commit the result.");
    }

    [Fact]
    public void Committed_manifest_uses_only_what_aspirate_converts()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "aspire-manifest.json")));
        var resources = manifest.RootElement.GetProperty("resources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

        Assert.All(resources, r => Assert.Contains(r.Value.GetProperty("type").GetString(), AspirateResourceTypes));
        foreach (var (name, resource) in resources)
        {
            if (resource.TryGetProperty("bindings", out var bindings))
            {
                Assert.All(bindings.EnumerateObject(), b => Assert.Contains(b.Value.GetProperty("scheme").GetString(), new[] { "http", "https", "tcp" }));
            }
            if (resource.GetProperty("type").GetString() == "parameter.v0")
            {
                // aspirate prompts for a parameter without a default: every one is generated or has a value.
                Assert.True(resource.GetProperty("inputs").GetProperty("value").TryGetProperty("default", out _), $"{name} has no default");
            }
        }

        foreach (Match placeholder in Placeholder().Matches(manifest.RootElement.GetRawText()))
        {
            var (resource, path) = (placeholder.Groups[1].Value, placeholder.Groups[2].Value);
            Assert.True(resources.ContainsKey(resource), $"{placeholder.Value} names no resource");
            Assert.Matches(@"^(connectionString|value|inputs\.value|bindings\.[a-z]+\.(host|port|targetPort|url))$", path);
            if (path.EndsWith(".url", StringComparison.Ordinal))
            {
                // aspirate resolves an https url to nothing: in-cluster references stay on http.
                Assert.StartsWith("bindings.http.", path);
            }
        }

        Assert.Equal(["cache", "postgres", "visiondb", "messaging", "storage", "api", "preprocessor", "workers", "web"],
            resources.Keys.Where(k => resources[k].GetProperty("type").GetString() != "parameter.v0"));
        Assert.True(resources["jwt-signing-key"].GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
        Assert.Equal("{jwt-signing-key.value}", resources["api"].GetProperty("env").GetProperty("Vision__Auth__JwtSigningKey").GetString());
        Assert.Equal("{postgres.connectionString};Database=visiondb", resources["visiondb"].GetProperty("connectionString").GetString());
        Assert.Equal("Api/Api.csproj", resources["api"].GetProperty("path").GetString());
        Assert.True(resources["api"].GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());
        Assert.True(resources["web"].GetProperty("bindings").GetProperty("http").GetProperty("external").GetBoolean());
        Assert.False(resources["workers"].GetProperty("bindings").GetProperty("http").TryGetProperty("external", out _));
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\.([a-zA-Z.]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>Runs the built AppHost with Aspire's manifest publisher, as `make manifest` does.</summary>
    private static async Task<string> PublishAsync()
    {
        // Beside the committed file: project paths in a manifest are relative to its folder.
        var output = Path.Combine(Root, $".manifest-test-{Guid.NewGuid():N}.json");
        var dll = Path.Combine(Root, "AppHost", "bin", TestConfiguration.Name, "net10.0", "VisionAspire.AppHost.dll");
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.Combine(Root, "AppHost"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--publisher", "manifest", "--output-path", output })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"publishing failed: {await log}{await errors}");
        try
        {
            return File.ReadAllText(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}

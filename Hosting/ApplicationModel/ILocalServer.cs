using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.ApplicationModel;

/// <summary>How a container resource runs on this machine in run mode: as a native child process (or none at all).</summary>
internal interface ILocalServer : IResourceWithConnectionString
{
    /// <summary>Throws <see cref="ServerNotInstalledException"/> when a binary it needs is missing.</summary>
    void EnsureInstalled(string? searchPath);

    Task<LocalServerInstance> StartAsync(LocalServerContext context, CancellationToken ct);
}

/// <summary>What an <see cref="ILocalServer"/> needs to start: its own folder, port and parameter values.</summary>
internal sealed record LocalServerContext(
    ServerOptions Options,
    Func<ParameterResource, string> ParameterValue,
    Func<string, string?> Configuration);

/// <summary>A started local server: its process (null when nothing runs, e.g. a filesystem store) and connection string.</summary>
internal sealed record LocalServerInstance(ServerProcess? Process, string ConnectionString);

using System.Diagnostics;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;

namespace VisionAspire.LocalServers;

/// <summary>
/// Whether Redis, Postgres and RabbitMQ run as the standard containers or as local processes from Debian's packages.
/// <c>Vision:Servers</c> = <c>auto</c> (containers when a Docker engine answers), <c>containers</c> or <c>processes</c>.
/// Publishing always describes containers: the manifest is for a cluster.
/// </summary>
internal static class ServerMode
{
    private static readonly Lazy<bool> DockerAnswers = new(ProbeDocker);

    public static bool UseLocalProcesses(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return false;
        }

        return builder.Configuration["Vision:Servers"]?.ToLowerInvariant() switch
        {
            null or "" or "auto" => !DockerAnswers.Value,
            "processes" => true,
            "containers" => false,
            var other => throw new DistributedApplicationException(
                $"Vision:Servers is '{other}'; use auto, containers or processes."),
        };
    }

    private static bool ProbeDocker()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return false;
            }

            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill();
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}

using System.Diagnostics;
using VisionAspire.Hosting.Processes;

namespace VisionAspire.Hosting.Servers;

/// <summary>A <c>minio</c> binary found on PATH, serving S3 on 127.0.0.1. Stopped with SIGTERM.</summary>
public sealed class MinioServerProcess : ServerProcess
{
    private readonly string _user;

    private MinioServerProcess(ChildProcess process, int port, string user, string password)
        : base(process, port, password)
    {
        _user = user;
    }

    /// <summary>"Endpoint=http://127.0.0.1:port;AccessKey=..;SecretKey=.." (CommunityToolkit's MinIO shape).</summary>
    public override string ConnectionString => $"Endpoint=http://127.0.0.1:{Port};AccessKey={_user};SecretKey={Password}";

    public static bool IsInstalled(string? searchPath)
    {
        try
        {
            ServerBinaries.Locate("minio", "minio", searchPath);
            return true;
        }
        catch (ServerNotInstalledException)
        {
            return false;
        }
    }

    public static async Task<MinioServerProcess> StartAsync(ServerOptions options, string user, CancellationToken ct = default)
    {
        var binary = ServerBinaries.Locate("minio", "minio", options.SearchPath);
        PrepareDirectory(options);
        var password = Passwords.LoadOrCreate(Path.Combine(options.DataDirectory, "password"), options.Password);
        var port = LoopbackPorts.GetFreeOr(options.Port);
        var consolePort = LoopbackPorts.GetFree();

        var startInfo = new ProcessStartInfo(binary) { WorkingDirectory = options.DataDirectory };
        foreach (var argument in new[] { "server", Path.Combine(options.DataDirectory, "data"),
                     "--address", $"127.0.0.1:{port}", "--console-address", $"127.0.0.1:{consolePort}" })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["MINIO_ROOT_USER"] = user;
        startInfo.Environment["MINIO_ROOT_PASSWORD"] = password;
        var process = ChildProcess.Start(startInfo, options.Log);

        await WaitUntilReadyAsync("minio", process, t => ReadinessProbes.HttpOkAsync(port, "/minio/health/ready", t), options.StartTimeout, ct);
        return new MinioServerProcess(process, port, user, password);
    }
}

using System.Diagnostics;
using VisionAspire.Hosting.Processes;

namespace VisionAspire.Hosting.Servers;

/// <summary>Debian's redis-server on 127.0.0.1 with a password and no persistence (it is a cache). Stopped with SIGTERM.</summary>
public sealed class RedisServerProcess : ServerProcess
{
    private RedisServerProcess(ChildProcess process, int port, string password)
        : base(process, port, password)
    {
    }

    /// <summary>"127.0.0.1:port,password=..." as Aspire's Redis resource hands it out.</summary>
    public override string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    public static async Task<RedisServerProcess> StartAsync(ServerOptions options, CancellationToken ct = default)
    {
        var binary = ServerBinaries.Locate("redis-server", "redis-server", options.SearchPath, "/usr/bin");
        PrepareDirectory(options);
        var password = Passwords.LoadOrCreate(Path.Combine(options.DataDirectory, "password"), options.Password);
        var port = LoopbackPorts.GetFreeOr(options.Port);

        // The password goes in a 0600 file rather than on the command line, where ps would show it.
        var config = Path.Combine(options.DataDirectory, "redis.conf");
        File.WriteAllText(config, $"""
            bind 127.0.0.1
            port {port}
            dir "{options.DataDirectory}"
            requirepass "{password}"
            save ""
            appendonly no
            daemonize no
            """);
        FileModes.OwnerOnly(config);

        var startInfo = new ProcessStartInfo(binary) { WorkingDirectory = options.DataDirectory };
        startInfo.ArgumentList.Add(config);
        var process = ChildProcess.Start(startInfo, options.Log);

        await WaitUntilReadyAsync("redis-server", process, t => ReadinessProbes.RedisAsync(port, password, t), options.StartTimeout, ct);
        return new RedisServerProcess(process, port, password);
    }
}

using System.Diagnostics;
using VisionAspire.Hosting.Processes;

namespace VisionAspire.Hosting.Servers;

/// <summary>
/// Debian's RabbitMQ on 127.0.0.1 with its own epmd, every path pointed into DataDirectory (otherwise it falls back
/// to system paths), and the user guest given the generated password. Stopped with SIGTERM; its epmd is stopped
/// by PID afterwards, since Erlang's epmd outlives the node.
/// </summary>
public sealed class RabbitMqServerProcess : ServerProcess
{
    private const string DebianPackage = "rabbitmq-server";
    private readonly ChildProcess _epmd;

    private RabbitMqServerProcess(ChildProcess process, ChildProcess epmd, int port, string password)
        : base(process, port, password)
    {
        _epmd = epmd;
    }

    /// <summary>"amqp://guest:..@127.0.0.1:port" as Aspire's RabbitMQ resource hands it out.</summary>
    public override string ConnectionString => $"amqp://guest:{Password}@127.0.0.1:{Port}";

    public int EpmdProcessId => _epmd.Id;

    public static async Task<RabbitMqServerProcess> StartAsync(ServerOptions options, CancellationToken ct = default)
    {
        var server = ServerBinaries.Locate("rabbitmq-server", DebianPackage, options.SearchPath, "/usr/lib/rabbitmq/bin");
        var epmdBinary = ServerBinaries.Locate("epmd", "erlang-base", options.SearchPath, "/usr/bin", "/usr/lib/erlang/erts-*/bin");
        PrepareDirectory(options);
        var password = Passwords.LoadOrCreate(Path.Combine(options.DataDirectory, "password"), options.Password);

        var port = LoopbackPorts.GetFreeOr(options.Port);
        var distributionPort = LoopbackPorts.GetFree();
        var epmdPort = LoopbackPorts.GetFree();

        var epmdStartInfo = new ProcessStartInfo(epmdBinary) { WorkingDirectory = options.DataDirectory };
        foreach (var argument in new[] { "-port", epmdPort.ToString(), "-address", "127.0.0.1" })
        {
            epmdStartInfo.ArgumentList.Add(argument);
        }
        var epmd = ChildProcess.Start(epmdStartInfo, line => options.Log?.Invoke($"epmd: {line}"));

        try
        {
            await WaitUntilReadyAsync("epmd", epmd, t => ReadinessProbes.TcpAsync(epmdPort, t), options.StartTimeout, ct);
            var files = WriteConfiguration(options.DataDirectory, port, password);
            var startInfo = new ProcessStartInfo(server) { WorkingDirectory = options.DataDirectory };
            SetEnvironment(startInfo, options.DataDirectory, files, port, distributionPort, epmdPort);
            var process = ChildProcess.Start(startInfo, options.Log);

            await WaitUntilReadyAsync("rabbitmq-server", process, t => ReadinessProbes.AmqpAsync(port, t), options.StartTimeout, ct);
            return new RabbitMqServerProcess(process, epmd, port, password);
        }
        catch
        {
            await epmd.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _epmd.StopAsync(UnixNative.SIGTERM, TimeSpan.FromSeconds(5));
        await _epmd.DisposeAsync();
    }

    private sealed record ConfigurationFiles(string Config, string EnabledPlugins, string EnvFile, string AdvancedConfig);

    private static ConfigurationFiles WriteConfiguration(string directory, int port, string password)
    {
        var files = new ConfigurationFiles(
            Path.Combine(directory, "rabbitmq.conf"),
            Path.Combine(directory, "enabled_plugins"),
            Path.Combine(directory, "rabbitmq-env.conf"),
            Path.Combine(directory, "advanced.config"));

        // default_user/default_pass create the account on the first boot only; the password file keeps them in step.
        File.WriteAllText(files.Config, $"""
            listeners.tcp.1 = 127.0.0.1:{port}
            default_user = guest
            default_pass = {password}
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        FileModes.OwnerOnly(files.Config);
        File.WriteAllText(files.EnabledPlugins, "[].");
        File.WriteAllText(files.EnvFile, "");
        File.WriteAllText(files.AdvancedConfig, "[].");
        Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(directory, "log"));
        return files;
    }

    private static void SetEnvironment(
        ProcessStartInfo startInfo, string directory, ConfigurationFiles files, int port, int distributionPort, int epmdPort)
    {
        var environment = startInfo.Environment;
        environment["HOME"] = directory; // Erlang keeps its cookie in $HOME
        // A fixed node name keeps the mnesia folder stable across runs; each instance has its own epmd, so equal names never meet.
        environment["RABBITMQ_NODENAME"] = "rabbit@localhost";
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = port.ToString();
        environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString();
        environment["ERL_EPMD_PORT"] = epmdPort.ToString();
        environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log");
        environment["RABBITMQ_CONFIG_FILE"] = files.Config;
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = files.EnabledPlugins;
        environment["RABBITMQ_CONF_ENV_FILE"] = files.EnvFile;
        environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = files.AdvancedConfig;
        // Schedulers that run out of work sleep instead of busy-waiting first: the spinning would take CPU from the
        // services sharing a small machine's cores, and the broker's latency does not need it.
        environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] =
            "-kernel inet_dist_use_interface {127,0,0,1} +sbwt none +sbwtdcpu none +sbwtdio none";
    }
}

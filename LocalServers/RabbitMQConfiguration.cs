namespace VisionAspire.LocalServers;

/// <summary>
/// Files and variables that keep a local RabbitMQ entirely inside its state folder (without every one of them it
/// falls back to system paths) and on loopback.
/// </summary>
internal static class RabbitMQConfiguration
{
    public static string ConfigFile(string folder) => Path.Combine(folder, "rabbitmq.conf");

    public static void Write(string folder, int port, string password)
    {
        // default_user/default_pass create the account on the first boot only.
        OwnerOnlyFile.Write(ConfigFile(folder), $"""
            listeners.tcp.1 = 127.0.0.1:{port}
            default_user = guest
            default_pass = {password}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(folder, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(folder, "advanced.config"), "[].");
        Directory.CreateDirectory(Path.Combine(folder, "mnesia"));
        Directory.CreateDirectory(Path.Combine(folder, "log"));
    }

    public static IEnumerable<KeyValuePair<string, string>> Environment(string folder, int port, int distributionPort, int epmdPort)
    {
        yield return new("HOME", folder); // Erlang keeps its cookie in $HOME
        // A fixed node name keeps the mnesia folder stable across runs; each instance has its own epmd, so equal names never meet.
        yield return new("RABBITMQ_NODENAME", "rabbit@localhost");
        yield return new("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
        yield return new("RABBITMQ_NODE_PORT", port.ToString());
        yield return new("RABBITMQ_DIST_PORT", distributionPort.ToString());
        yield return new("ERL_EPMD_PORT", epmdPort.ToString());
        yield return new("ERL_EPMD_ADDRESS", "127.0.0.1");
        yield return new("RABBITMQ_MNESIA_BASE", Path.Combine(folder, "mnesia"));
        yield return new("RABBITMQ_LOG_BASE", Path.Combine(folder, "log"));
        yield return new("RABBITMQ_CONFIG_FILE", ConfigFile(folder));
        yield return new("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(folder, "enabled_plugins"));
        yield return new("RABBITMQ_CONF_ENV_FILE", Path.Combine(folder, "rabbitmq-env.conf"));
        yield return new("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(folder, "advanced.config"));
        // Idle schedulers sleep instead of busy-waiting: the spinning takes CPU from the services on a small machine.
        yield return new("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
            "-kernel inet_dist_use_interface {127,0,0,1} -start_epmd false +sbwt none +sbwtdcpu none +sbwtdio none");
    }
}

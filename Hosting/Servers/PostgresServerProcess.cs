using System.Diagnostics;
using VisionAspire.Hosting.Processes;

namespace VisionAspire.Hosting.Servers;

/// <summary>
/// Debian's PostgreSQL on 127.0.0.1 (TCP only, scram-sha-256), cluster created with initdb on first start under
/// DataDirectory/data. PostgreSQL refuses to run as root, so a root caller runs it as the user postgres.
/// Stopped with SIGINT (fast shutdown: SIGTERM would wait for clients to leave).
/// </summary>
public sealed class PostgresServerProcess : ServerProcess
{
    private const string PostgresUser = "postgres";
    private const string DebianPackage = "postgresql-15";
    private const string DebianBinaries = "/usr/lib/postgresql/*/bin";

    private PostgresServerProcess(ChildProcess process, int port, string password)
        : base(process, port, password)
    {
    }

    /// <summary>"Host=127.0.0.1;Port=..;Username=postgres;Password=.." as Aspire's Postgres server resource hands it out.</summary>
    public override string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={Password}";

    public static async Task<PostgresServerProcess> StartAsync(ServerOptions options, CancellationToken ct = default)
    {
        var postgres = ServerBinaries.Locate("postgres", DebianPackage, options.SearchPath, DebianBinaries);
        var initdb = ServerBinaries.Locate("initdb", DebianPackage, options.SearchPath, DebianBinaries);
        PrepareDirectory(options);
        var password = Passwords.LoadOrCreate(Path.Combine(options.DataDirectory, "password"), options.Password);
        var owner = UnixNative.IsRoot ? UnixAccount.Find(PostgresUser) : null;
        var dataDirectory = Path.Combine(options.DataDirectory, "data");

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeClusterAsync(initdb, options, dataDirectory, password, owner, ct);
        }

        var port = LoopbackPorts.GetFreeOr(options.Port);
        var startInfo = NewStartInfo(postgres, options.DataDirectory, owner,
            "-D", dataDirectory, "-p", port.ToString(),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=");
        var process = ChildProcess.Start(startInfo, options.Log, stopSignal: UnixNative.SIGINT);

        await WaitUntilReadyAsync("postgres", process, t => ReadinessProbes.PostgresAsync(port, t), options.StartTimeout, ct);
        return new PostgresServerProcess(process, port, password);
    }

    private static async Task InitializeClusterAsync(
        string initdb, ServerOptions options, string dataDirectory, string password, UnixAccount? owner, CancellationToken ct)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        var passwordFile = Path.Combine(options.DataDirectory, "initdb.pw");
        File.WriteAllText(passwordFile, password);
        FileModes.OwnerOnly(passwordFile);
        if (owner is not null)
        {
            owner.GiveOwnership(options.DataDirectory);
            owner.GiveOwnership(passwordFile);
            FileModes.AllowTraverse(Path.GetDirectoryName(Path.GetFullPath(options.DataDirectory))!);
        }

        try
        {
            var startInfo = NewStartInfo(initdb, options.DataDirectory, owner,
                "-D", dataDirectory, "-U", PostgresUser, $"--pwfile={passwordFile}", "-A", "scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            await using var process = ChildProcess.Start(startInfo, options.Log);
            var exitCode = await process.Exited.WaitAsync(options.StartTimeout, ct);
            if (exitCode != 0)
            {
                throw ServerStartException.From("initdb", $"exited with code {exitCode}", process.RecentLines);
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static ProcessStartInfo NewStartInfo(string fileName, string workingDirectory, UnixAccount? owner, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (owner is not null)
        {
            startInfo.UserName = owner.Name;
            startInfo.Environment["HOME"] = owner.Home;
            startInfo.Environment["USER"] = owner.Name;
        }
        return startInfo;
    }
}

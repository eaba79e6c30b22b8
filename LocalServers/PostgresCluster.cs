using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;

namespace VisionAspire.LocalServers;

/// <summary>
/// The on-disk side of a local PostgreSQL: initdb on first start (scram-sha-256, the password from the Aspire
/// parameter), ownership for the user postgres when we are root, and the password brought in step when the parameter
/// changed since the cluster was made (single-user mode, before the server starts).
/// </summary>
internal static class PostgresCluster
{
    public const string ServiceUser = "postgres";

    public static bool RunsAsServiceUser => Environment.UserName == "root";

    public static async Task PrepareAsync(string binaries, LocalPostgresServerResource server, string password, CancellationToken ct)
    {
        var fingerprintFile = Path.Combine(server.WorkingDirectory, "password.sha256");
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
        if (RunsAsServiceUser && !OperatingSystem.IsWindows())
        {
            AllowTraverse(server.WorkingDirectory);
        }

        if (!File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            if (Directory.Exists(server.DataDirectory))
            {
                Directory.Delete(server.DataDirectory, recursive: true);
            }

            var passwordFile = Path.Combine(server.WorkingDirectory, "initdb.pw");
            OwnerOnlyFile.Write(passwordFile, password);
            await ChownAsync(server.WorkingDirectory, ct);
            try
            {
                await RunAsync(Path.Combine(binaries, "initdb"), server.WorkingDirectory, null, ct,
                    "-D", server.DataDirectory, "-U", ServiceUser, $"--pwfile={passwordFile}", "-A", "scram-sha-256",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }
        else if (!File.Exists(fingerprintFile) || File.ReadAllText(fingerprintFile) != fingerprint)
        {
            var escaped = password.Replace("'", "''");
            await RunAsync(Path.Combine(binaries, "postgres"), server.WorkingDirectory, $"ALTER USER {ServiceUser} PASSWORD '{escaped}';\n", ct,
                "--single", "-D", server.DataDirectory, ServiceUser);
        }

        File.WriteAllText(fingerprintFile, fingerprint);
    }

    /// <summary>The command DCP runs: postgres itself, or setpriv (which replaces itself, so DCP's signals reach postgres) as root.</summary>
    public static (string Command, string[] Prefix) Launcher(string postgres) => RunsAsServiceUser
        ? ("/usr/bin/setpriv", ["--reuid=" + ServiceUser, "--regid=" + ServiceUser, "--init-groups", "--", postgres])
        : (postgres, []);

    private static async Task RunAsync(string program, string workingDirectory, string? input, CancellationToken ct, params string[] args)
    {
        var (command, prefix) = Launcher(program);
        var startInfo = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in prefix.Concat(args))
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {await error}{await output}".Trim());
        }
    }

    private static async Task ChownAsync(string folder, CancellationToken ct)
    {
        if (!RunsAsServiceUser)
        {
            return;
        }

        using var chown = Process.Start("chown", ["-R", $"{ServiceUser}:{ServiceUser}", folder])!;
        await chown.WaitForExitAsync(ct);
        if (chown.ExitCode != 0)
        {
            throw new DistributedApplicationException($"chown -R {ServiceUser} {folder} failed (does the user {ServiceUser} exist? it comes with the Debian package postgresql).");
        }
    }

    /// <summary>The service user must be able to walk down to its folder (a state folder under /root, say).</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AllowTraverse(string folder)
    {
        for (var dir = Path.GetDirectoryName(folder); !string.IsNullOrEmpty(dir) && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            var mode = File.GetUnixFileMode(dir);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(dir, mode | UnixFileMode.OtherExecute);
            }
        }
    }
}

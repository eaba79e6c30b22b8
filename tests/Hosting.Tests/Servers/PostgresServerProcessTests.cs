using System.Diagnostics;
using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Tests.Servers;

public sealed class PostgresServerProcessTests
{
    [Fact]
    public async Task Initializes_accepts_the_password_only_and_stops_cleanly()
    {
        using var temp = new TempDirectory();
        var server = await PostgresServerProcess.StartAsync(new ServerOptions { DataDirectory = temp.Sub("pg") });
        var pid = server.ProcessId;
        try
        {
            Assert.Equal($"Host=127.0.0.1;Port={server.Port};Username=postgres;Password={server.Password}", server.ConnectionString);
            Assert.Equal("1", (await PsqlAsync(server.Port, server.Password, "select 1")).Output);

            var wrong = await PsqlAsync(server.Port, "wrong-password", "select 1");
            Assert.NotEqual(0, wrong.ExitCode);
            Assert.Contains("password authentication failed", wrong.Error);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(ProcessTree.IsAlive(pid));
        Assert.False(await ReadinessProbes.TcpAsync(server.Port, CancellationToken.None).ContinueWith(t => t.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task Keeps_data_and_password_between_starts()
    {
        using var temp = new TempDirectory();
        var options = new ServerOptions { DataDirectory = temp.Sub("pg") };

        string password;
        await using (var server = await PostgresServerProcess.StartAsync(options))
        {
            password = server.Password;
            await PsqlAsync(server.Port, password, "create table kept (id int); insert into kept values (42)");
        }

        await using var again = await PostgresServerProcess.StartAsync(options);
        Assert.Equal(password, again.Password);
        Assert.Equal("42", (await PsqlAsync(again.Port, again.Password, "select id from kept")).Output);
    }

    private static async Task<(int ExitCode, string Output, string Error)> PsqlAsync(int port, string password, string sql)
    {
        var startInfo = new ProcessStartInfo("/usr/lib/postgresql/15/bin/psql")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", port.ToString(), "-U", "postgres", "-d", "postgres", "-tAc", sql })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["PGPASSWORD"] = password;

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output).Trim(), await error);
    }
}

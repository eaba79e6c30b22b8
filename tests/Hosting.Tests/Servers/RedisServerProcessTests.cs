using System.Net.Sockets;
using System.Text;
using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Tests.Servers;

public sealed class RedisServerProcessTests
{
    [Fact]
    public async Task Starts_requires_the_password_and_stops_cleanly()
    {
        using var temp = new TempDirectory();
        var server = await RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = temp.Sub("redis") });
        var pid = server.ProcessId;
        try
        {
            Assert.Equal($"127.0.0.1:{server.Port},password={server.Password}", server.ConnectionString);
            Assert.Equal("-NOAUTH", (await SendAsync(server.Port, "PING"))[..7]);
            Assert.True(await ReadinessProbes.RedisAsync(server.Port, server.Password, CancellationToken.None));
            Assert.False(await ReadinessProbes.RedisAsync(server.Port, "wrong-password", CancellationToken.None));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(ProcessTree.IsAlive(pid));
        await Assert.ThrowsAnyAsync<SocketException>(() => SendAsync(server.Port, "PING"));
    }

    [Fact]
    public async Task Reuses_the_saved_password_unless_fresh()
    {
        using var temp = new TempDirectory();
        var options = new ServerOptions { DataDirectory = temp.Sub("redis") };

        string first;
        await using (var server = await RedisServerProcess.StartAsync(options))
        {
            first = server.Password;
        }

        await using (var again = await RedisServerProcess.StartAsync(options))
        {
            Assert.Equal(first, again.Password);
        }

        await using var fresh = await RedisServerProcess.StartAsync(options with { Fresh = true });
        Assert.NotEqual(first, fresh.Password);
    }

    [Fact]
    public async Task Missing_binary_names_the_debian_package_and_make_setup()
    {
        using var temp = new TempDirectory();
        var error = await Assert.ThrowsAsync<ServerNotInstalledException>(() =>
            RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = temp.Sub("redis"), SearchPath = temp.Path }));

        Assert.Equal("redis-server not found: install the Debian package 'redis-server' (run `make setup`).", error.Message);
    }

    private static async Task<string> SendAsync(int port, string inlineCommand)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(inlineCommand + "\r\n"));
        using var reader = new StreamReader(stream);
        return await reader.ReadLineAsync() ?? "";
    }
}

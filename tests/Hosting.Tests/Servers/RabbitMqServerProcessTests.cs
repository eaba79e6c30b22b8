using System.Net.Sockets;
using VisionAspire.Hosting.Processes;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Hosting.Tests.Servers;

public sealed class RabbitMqServerProcessTests
{
    [Fact]
    public async Task Starts_speaks_amqp_and_stops_with_its_epmd()
    {
        using var temp = new TempDirectory();
        var server = await RabbitMqServerProcess.StartAsync(new ServerOptions { DataDirectory = temp.Sub("mq") });
        var tree = ProcessTree.Snapshot(server.ProcessId).Append(ProcessTree.Snapshot(server.EpmdProcessId)[0]).ToList();
        try
        {
            Assert.Equal($"amqp://guest:{server.Password}@127.0.0.1:{server.Port}", server.ConnectionString);
            Assert.True(await ReadinessProbes.AmqpAsync(server.Port, CancellationToken.None));
            Assert.Contains("default_pass = " + server.Password, File.ReadAllText(Path.Combine(temp.Sub("mq"), "rabbitmq.conf")));
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.All(tree, p => Assert.False(ProcessTree.IsAlive(p), $"pid {p.Pid} survived"));
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", server.Port));
    }
}

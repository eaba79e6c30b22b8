using StackExchange.Redis;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Infrastructure.Tests.Redis;

/// <summary>
/// A real redis-server on a free loopback port, shared by the tests of one class, with a StackExchange.Redis
/// connection to it. <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and bring it back on the same port.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private RedisServerProcess? _server;

    public int Port { get; private set; }

    public string ConnectionString { get; private set; } = null!;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public IDatabase Database => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        await StartAsync();
        ConnectionString = _server!.ConnectionString;
        Connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
    }

    public async Task StartAsync()
    {
        _server = await RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = _directory.Path, Port = Port });
        Port = _server.Port;
    }

    public async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }

        await StopAsync();
        _directory.Dispose();
    }
}

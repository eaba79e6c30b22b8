using VisionAspire.Hosting.Servers;
using VisionAspire.Redis;

namespace VisionAspire.Infrastructure.Tests.Redis;

/// <summary>A real redis-server on a free loopback port, shared by the tests of one class.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public RedisServerProcess Server { get; private set; } = null!;

    public RedisClient Client { get; private set; } = null!;

    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync()
    {
        Server = await RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = _directory.Path });
        Client = await RedisClient.ConnectAsync(Server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}

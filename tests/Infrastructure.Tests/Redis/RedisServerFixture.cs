using VisionAspire.Redis;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Redis;

/// <summary>A real redis-server (the AppHost's resource, through Aspire.Hosting.Testing), shared by the tests of one class.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private TestServers _servers = null!;

    public RedisClient Client { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.StartAsync(TestServers.Redis);
        ConnectionString = await _servers.ConnectionStringAsync(TestServers.Redis);
        Client = await RedisClient.ConnectAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        await _servers.DisposeAsync();
    }
}

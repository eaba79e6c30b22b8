using StackExchange.Redis;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Redis;

/// <summary>
/// A real redis-server (the AppHost's resource, through Aspire.Hosting.Testing), shared by the tests of one class,
/// with a StackExchange.Redis connection to it. <see cref="StopAsync"/> and <see cref="StartAsync"/> take it down and
/// bring it back on the same port, as the dashboard's Stop and Start do.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private TestServers _servers = null!;

    public string ConnectionString { get; private set; } = null!;

    public IConnectionMultiplexer Connection { get; private set; } = null!;

    public IDatabase Database => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        _servers = await TestServers.StartAsync(TestServers.Redis);
        ConnectionString = await _servers.ConnectionStringAsync(TestServers.Redis);
        Connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
    }

    public Task StartAsync() => _servers.StartAsync(TestServers.Redis);

    public Task StopAsync() => _servers.StopAsync(TestServers.Redis);

    public async Task DisposeAsync()
    {
        if (Connection is not null)
        {
            await Connection.DisposeAsync();
        }
        await _servers.DisposeAsync();
    }
}

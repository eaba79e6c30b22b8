using VisionAspire.Hosting.Servers;
using VisionAspire.Redis;

namespace VisionAspire.Infrastructure.Tests.Redis;

/// <summary>Each test owns its server, because these tests stop and restart it.</summary>
public sealed class RedisConnectionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Task<RedisServerProcess> StartServerAsync(int port = 0, string? password = null) =>
        RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = _directory.Path, Port = port, Password = password });

    [Fact]
    public async Task Client_reconnects_after_server_restart()
    {
        var server = await StartServerAsync();
        var (port, password) = (server.Port, server.Password);
        await using var client = await RedisClient.ConnectAsync(server.ConnectionString + ",connectTimeout=15000");
        Assert.True(await client.SetStringAsync("before", "1"));

        await server.DisposeAsync();
        await RedisCommandTests.WaitUntilAsync(() => Task.FromResult(!client.IsConnected));

        await using var restarted = await StartServerAsync(port, password);
        // Waits for the background reconnect instead of failing.
        Assert.True(await client.SetStringAsync("after", "2"));
        Assert.Equal("2", await client.GetStringAsync("after"));
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Commands_in_flight_fail_with_connection_error_when_server_stops()
    {
        var server = await StartServerAsync();
        await using var client = await RedisClient.ConnectAsync(server.ConnectionString);
        await using var observer = await RedisClient.ConnectAsync(server.ConnectionString);
        var blocked = client.ExecuteAsync("BLPOP", "never-filled", "0");
        await RedisCommandTests.WaitUntilAsync(async () =>
            (await observer.ExecuteAsync("INFO", "clients")).AsString()!.Contains("blocked_clients:1"));
        Assert.False(blocked.IsCompleted);

        await server.DisposeAsync();
        await Assert.ThrowsAsync<RedisConnectionException>(() => blocked);
    }

    [Fact]
    public async Task Subscription_survives_server_restart()
    {
        var server = await StartServerAsync();
        var (port, password) = (server.Port, server.Password);
        await using var client = await RedisClient.ConnectAsync(server.ConnectionString + ",connectTimeout=15000");
        var received = new List<string>();
        await using var subscription = await client.SubscribeAsync("events", (_, m) =>
        {
            lock (received)
            {
                received.Add(m);
            }
            return Task.CompletedTask;
        });
        Assert.Equal(1, await client.PublishAsync("events", "one"));

        await server.DisposeAsync();
        await using var restarted = await StartServerAsync(port, password);

        // Publish until the re-subscribed connection is counted as a receiver.
        await RedisCommandTests.WaitUntilAsync(async () => await client.PublishAsync("events", "two") == 1, maxSeconds: 20);
        await RedisCommandTests.WaitUntilAsync(() => Task.FromResult(received.Contains("two")));
        Assert.Contains("one", received);
    }

    [Fact]
    public async Task Wrong_password_fails_with_authentication_error()
    {
        await using var server = await StartServerAsync();
        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(
            () => RedisClient.ConnectAsync($"127.0.0.1:{server.Port},password=wrong-password"));
        Assert.Contains("rejected the password", error.Message);
        Assert.Contains("WRONGPASS", error.Message);
    }

    [Fact]
    public async Task Missing_password_makes_commands_fail_with_NOAUTH()
    {
        await using var server = await StartServerAsync();
        await using var client = await RedisClient.ConnectAsync($"127.0.0.1:{server.Port}");
        var error = await Assert.ThrowsAsync<RedisServerException>(() => client.GetAsync("k"));
        Assert.Equal("NOAUTH", error.ErrorCode);
    }

    [Fact]
    public async Task Nothing_listening_fails_fast_with_connection_error()
    {
        var port = LoopbackPorts.GetFree();
        var error = await Assert.ThrowsAsync<RedisConnectionException>(() => RedisClient.ConnectAsync($"127.0.0.1:{port}"));
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task AbortConnect_false_connects_once_the_server_appears()
    {
        var port = LoopbackPorts.GetFree();
        const string password = "late-server-password";
        await using var client = await RedisClient.ConnectAsync($"127.0.0.1:{port},password={password},abortConnect=false,connectTimeout=15000");
        Assert.False(client.IsConnected);

        await using var server = await StartServerAsync(port, password);
        Assert.True(await client.SetStringAsync("k", "v"));
        Assert.Equal("v", await client.GetStringAsync("k"));
    }

    [Fact]
    public async Task DefaultDatabase_option_selects_the_database()
    {
        await using var server = await StartServerAsync();
        await using var db0 = await RedisClient.ConnectAsync(server.ConnectionString);
        await using var db3 = await RedisClient.ConnectAsync(server.ConnectionString + ",defaultDatabase=3");
        await db3.SetStringAsync("where", "three");
        Assert.Null(await db0.GetStringAsync("where"));
        Assert.Equal("three", await db3.GetStringAsync("where"));
    }

    [Fact]
    public async Task Disposed_client_rejects_commands()
    {
        await using var server = await StartServerAsync();
        var client = await RedisClient.ConnectAsync(server.ConnectionString);
        await client.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetAsync("k"));
    }
}

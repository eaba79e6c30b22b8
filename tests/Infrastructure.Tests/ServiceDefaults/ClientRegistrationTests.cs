using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using RabbitMQ.Client;
using VisionAspire.TestSupport;
using VisionAspire.Infrastructure.Tests.Redis;
using VisionAspire.Redis;
using VisionAspire.Storage;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class ClientRegistrationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task AddRedisClient_registers_a_working_shared_client_and_health_check()
    {
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:cache"] = redis.ConnectionString },
            builder => builder.AddRedisClient("cache"));

        var client = app.Services.GetRequiredService<IRedisClient>();
        Assert.Same(client, app.Services.GetRequiredService<IRedisClient>());
        var key = $"di:{Guid.NewGuid():N}";
        Assert.True(await client.SetStringAsync(key, "through DI"));
        Assert.Equal("through DI", await redis.Client.GetStringAsync(key));

        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Unreachable_redis_makes_health_unhealthy_but_alive_ok()
    {
        var port = FreePort.Get();
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:cache"] = $"127.0.0.1:{port},connectTimeout=500" },
            builder => builder.AddRedisClient("cache"));

        using var health = await app.Http.GetAsync("/health");
        using var alive = await app.Http.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task AddObjectStoreClient_reads_a_Path_connection_string()
    {
        using var root = new TempDirectory();
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:storage"] = $"Path={root.Path}" },
            builder => builder.AddObjectStoreClient("storage"));

        var store = Assert.IsType<FileSystemObjectStore>(app.Services.GetRequiredService<IObjectStore>());
        await store.PutAsync("k", new byte[] { 1 }, "image/png");
        Assert.True(File.Exists(Path.Combine(root.Path, "objects", "k")));
        using var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public static TheoryData<string, Type> Registrations => new()
    {
        { "cache", typeof(IRedisClient) },
        { "visiondb", typeof(NpgsqlDataSource) },
        { "messaging", typeof(IConnection) },
        { "storage", typeof(IObjectStore) },
    };

    [Theory]
    [MemberData(nameof(Registrations))]
    public void Missing_connection_string_names_the_environment_variable(string name, Type service)
    {
        var builder = WebApplication.CreateBuilder();
        switch (name)
        {
            case "cache": builder.AddRedisClient(name); break;
            case "visiondb": builder.AddNpgsqlDataSource(name); break;
            case "messaging": builder.AddRabbitMQClient(name); break;
            default: builder.AddObjectStoreClient(name); break;
        }
        using var provider = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService(service));
        Assert.Contains($"ConnectionStrings__{name}", error.Message);
    }
}

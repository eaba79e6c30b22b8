using System.Net;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// The Api against real Postgres, Redis and RabbitMQ (filesystem store), with one server stopped at a time:
/// Redis is only a cache, Postgres is the truth.
/// </summary>
public sealed class UploadFailureTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private PostgresServerProcess _postgres = null!;
    private RabbitMqServerProcess _rabbitMq = null!;
    private RedisServerProcess? _redis;
    private ApiProcess _api = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_directory.Path, "postgres") });
        var rabbitMq = RabbitMqServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_directory.Path, "rabbitmq") });
        _redis = await StartRedisAsync(port: 0);
        (_postgres, _rabbitMq) = (await postgres, await rabbitMq);
        _api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__cache"] = _redis.ConnectionString,
            ["ConnectionStrings__visiondb"] = _postgres.ConnectionString + ";Database=postgres",
            ["ConnectionStrings__messaging"] = _rabbitMq.ConnectionString,
            ["ConnectionStrings__storage"] = $"Path={Path.Combine(_directory.Path, "storage")}",
        });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        foreach (var server in new ServerProcess?[] { _redis, _postgres, _rabbitMq })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Uploads_succeed_while_Redis_is_down_and_fail_fast_with_503_problem_details_while_Postgres_is_down()
    {
        using (var upload = await _api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        var redisPort = _redis!.Port;
        await _redis.DisposeAsync();
        _redis = null;
        using (var upload = await _api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }
        Assert.Equal("Degraded", await HealthAsync(HttpStatusCode.OK));

        _redis = await StartRedisAsync(redisPort);
        await _postgres.DisposeAsync();
        using (var upload = await _api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":503", await upload.Content.ReadAsStringAsync());
        }
        Assert.Equal("Unhealthy", await HealthAsync(HttpStatusCode.ServiceUnavailable));
    }

    private async Task<string> HealthAsync(HttpStatusCode expected)
    {
        using var response = await _api.Http.GetAsync("/health");
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<RedisServerProcess> StartRedisAsync(int port) =>
        RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_directory.Path, "redis"), Port = port });
}

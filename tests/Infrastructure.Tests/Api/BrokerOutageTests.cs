using System.Net;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>The Api started while RabbitMQ is unreachable (real Postgres and Redis, filesystem store), then the broker arrives.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private const string BrokerPassword = "broker-outage-test";
    private readonly TempDirectory _directory = new();
    private readonly int _brokerPort = LoopbackPorts.GetFree();
    private PostgresServerProcess _postgres = null!;
    private RedisServerProcess _redis = null!;
    private ApiProcess _api = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_directory.Path, "postgres") });
        _redis = await RedisServerProcess.StartAsync(new ServerOptions { DataDirectory = Path.Combine(_directory.Path, "redis") });
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_Api_starts_without_the_broker_answers_503_promptly_and_becomes_ready_when_it_arrives()
    {
        // StartAsync returns once /alive answers: the host did not wait for (or die of) the missing broker.
        _api = await ApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__cache"] = _redis.ConnectionString,
            ["ConnectionStrings__visiondb"] = _postgres.ConnectionString + ";Database=postgres",
            ["ConnectionStrings__messaging"] = $"amqp://guest:{BrokerPassword}@127.0.0.1:{_brokerPort}",
            ["ConnectionStrings__storage"] = $"Path={Path.Combine(_directory.Path, "storage")}",
        });

        // The client's 20 s timeout fails these if they wait on Aspire's default 31 s connect schedule.
        using (var health = await _api.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        using (var upload = await _api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        }

        await using var broker = await RabbitMqServerProcess.StartAsync(new ServerOptions
        {
            DataDirectory = Path.Combine(_directory.Path, "rabbitmq"),
            Port = _brokerPort,
            Password = BrokerPassword,
        });
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var health = await _api.Http.GetAsync("/health");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the Api was not ready within two minutes of the broker starting");
            await Task.Delay(500);
        }

        using var accepted = await _api.UploadNewPhotoAsync();
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }
}

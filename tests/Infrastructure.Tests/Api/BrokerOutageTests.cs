using System.Net;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// The Api started while RabbitMQ is stopped (real Postgres, Redis and RabbitMQ as the AppHost's server resources,
/// filesystem store), then the broker is started again on its port.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private readonly string _storage = Path.Combine(Path.GetTempPath(), $"vision-broker-outage-{Guid.NewGuid():N}");
    private TestServers _servers = null!;
    private ApiProcess _api = null!;

    public async Task InitializeAsync()
    {
        _servers = await TestServers.StartAsync(TestServers.Redis, TestServers.Postgres, TestServers.RabbitMQ);
        await _servers.StopAsync(TestServers.RabbitMQ);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
        TestState.Delete(_storage);
    }

    [Fact]
    public async Task The_Api_starts_without_the_broker_accepts_uploads_promptly_and_becomes_ready_when_it_arrives()
    {
        // StartAsync returns once /alive answers: the host did not wait for (or die of) the missing broker.
        _api = await ApiProcess.StartAsync(await ApiProcess.ConnectionsAsync(_servers, _storage));

        // The client's 20 s timeout fails these if they wait on Aspire's default 31 s connect schedule.
        using (var health = await _api.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        // Postgres holds the upload; its event is published by the sweeper once the broker is there.
        using (var upload = await _api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            Assert.Contains("\"status\":\"uploaded\"", await upload.Content.ReadAsStringAsync());
        }

        await _servers.StartAsync(TestServers.RabbitMQ);
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

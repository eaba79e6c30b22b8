using System.Net;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// The Api started while RabbitMQ is stopped (real Postgres, Redis and RabbitMQ as the AppHost's server resources,
/// filesystem store), then the broker is started again on its port.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private ServersWithApi _topology = null!;

    public async Task InitializeAsync()
    {
        _topology = await ServersWithApi.StartServersAsync();
        await _topology.Servers.StopAsync(TestServers.RabbitMQ);
    }

    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_Api_starts_without_the_broker_accepts_uploads_promptly_and_becomes_ready_when_it_arrives()
    {
        // StartAsync returns once /alive answers: the host did not wait for (or die of) the missing broker.
        await _topology.StartApiAsync();

        // The client's 20 s timeout fails these if they wait on Aspire's default 31 s connect schedule.
        using (var health = await _topology.Api.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        // Postgres holds the upload; its event is published by the sweeper once the broker is there.
        using (var upload = await _topology.Api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            Assert.Contains("\"status\":\"uploaded\"", await upload.Content.ReadAsStringAsync());
        }

        await _topology.Servers.StartAsync(TestServers.RabbitMQ);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            using var health = await _topology.Api.Http.GetAsync("/health");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the Api was not ready within two minutes of the broker starting");
            await Task.Delay(500);
        }

        using var accepted = await _topology.Api.UploadNewPhotoAsync();
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }
}

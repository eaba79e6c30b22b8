using System.Net;
using RabbitMQ.Client;
using VisionAspire.Contracts;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// The Api's sweeper after RabbitMQ was stopped and started again (real Postgres, Redis and RabbitMQ, filesystem store,
/// no Preprocessor: the upload events stay in the queue to be counted). The sweeper's tick is set to five minutes, so
/// only the short retries after a failed publish can publish within the test; the in-memory set holds two events, so
/// the others are found again from their rows.
/// </summary>
public sealed class SweeperRetryTests : IAsyncLifetime
{
    private const int HeldInMemory = 2;
    private const int UploadsDuringOutage = 4;

    private ServersWithApi _topology = null!;

    public async Task InitializeAsync()
    {
        _topology = await ServersWithApi.StartServersAsync();
        await _topology.StartApiAsync(("Vision__Upload__RepublishAfterSeconds", "600"), ("Vision__Upload__UnpublishedCapacity", HeldInMemory.ToString()));
    }

    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }

    [Fact]
    public async Task Uploads_whose_publish_failed_are_published_soon_after_the_broker_is_back_including_those_past_the_in_memory_bound()
    {
        await WaitUntilReadyAsync(); // the topology is declared: the queue exists to hold the events later
        await _topology.Servers.StopAsync(TestServers.RabbitMQ);
        for (var i = 0; i < UploadsDuringOutage; i++)
        {
            using var upload = await _topology.Api.UploadNewPhotoAsync();
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        await _topology.Servers.StartAsync(TestServers.RabbitMQ);
        var factory = new ConnectionFactory { Uri = new Uri(await _topology.Servers.ConnectionStringAsync(TestServers.RabbitMQ)) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2); // well inside the five-minute tick
        uint queued;
        while ((queued = (await channel.QueueDeclarePassiveAsync(Queues.Preprocess)).MessageCount) < UploadsDuringOutage)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{queued} of {UploadsDuringOutage} upload events published two minutes after the broker came back");
            await Task.Delay(500);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            using var health = await _topology.Api.Http.GetAsync("/health");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the Api was not ready within a minute");
            await Task.Delay(500);
        }
    }
}

using System.Net;
using VisionAspire.TestSupport.Aspire;

namespace VisionAspire.Infrastructure.Tests.Api;

/// <summary>
/// The Api against real Postgres, Redis and RabbitMQ (the AppHost's server resources; filesystem store), with one
/// server stopped at a time: Redis is only a cache, Postgres is the truth.
/// </summary>
public sealed class UploadFailureTests : IAsyncLifetime
{
    private ServersWithApi _topology = null!;

    public async Task InitializeAsync()
    {
        _topology = await ServersWithApi.StartServersAsync();
        await _topology.StartApiAsync();
    }

    public async Task DisposeAsync()
    {
        if (_topology is not null)
        {
            await _topology.DisposeAsync();
        }
    }

    [Fact]
    public async Task Uploads_succeed_while_Redis_is_down_and_fail_fast_with_503_problem_details_while_Postgres_is_down()
    {
        using (var upload = await _topology.Api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        await _topology.Servers.StopAsync(TestServers.Redis);
        using (var upload = await _topology.Api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }
        Assert.Equal("Degraded", await HealthAsync(HttpStatusCode.OK));

        await _topology.Servers.StartAsync(TestServers.Redis);
        await _topology.Servers.StopAsync(TestServers.Postgres);
        using (var upload = await _topology.Api.UploadNewPhotoAsync())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
            Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"status\":503", await upload.Content.ReadAsStringAsync());
        }
        Assert.Equal("Unhealthy", await HealthAsync(HttpStatusCode.ServiceUnavailable));
    }

    private async Task<string> HealthAsync(HttpStatusCode expected)
    {
        using var response = await _topology.Api.Http.GetAsync("/health");
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using VisionAspire.TestSupport.Aspire;
using VisionAspire.Infrastructure.Tests.ServiceDefaults;
using VisionAspire.Messaging;
using VisionAspire.Shared;

namespace VisionAspire.Infrastructure.Tests.Shared;

public sealed class MessagingClientTests
{
    [Fact]
    public async Task A_service_starts_while_the_broker_is_unreachable_fails_health_without_hanging_and_recovers_once_it_is_up()
    {
        await using var servers = await TestServers.StartAsync(TestServers.RabbitMQ);
        await servers.StopAsync(TestServers.RabbitMQ);
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = await servers.ConnectionStringAsync(TestServers.RabbitMQ) },
            builder =>
            {
                builder.AddMessagingClient("messaging");
                builder.Services.AddVisionMessaging();
            });

        // Aspire's own retry schedule (1+2+4+8+16 s) would keep this request waiting for over 30 s.
        using (var bounded = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(20) })
        using (var health = await bounded.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }

        await servers.StartAsync(TestServers.RabbitMQ);

        await app.Services.GetRequiredService<MessagingTopologyService>().Declared.WaitAsync(TimeSpan.FromMinutes(2));
        var connection = app.Services.GetRequiredService<IConnection>();
        Assert.True(connection.IsOpen);
        Assert.Equal("infra-tests", connection.ClientProvidedName);
        using var recovered = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}

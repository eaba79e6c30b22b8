using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using VisionAspire.Hosting.Servers;
using VisionAspire.Infrastructure.Tests.ServiceDefaults;
using VisionAspire.Messaging;
using VisionAspire.Shared;

namespace VisionAspire.Infrastructure.Tests.Shared;

public sealed class MessagingClientTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_service_starts_while_the_broker_is_unreachable_fails_health_without_hanging_and_recovers_once_it_is_up()
    {
        var port = LoopbackPorts.GetFree();
        const string password = "rabbit-test-password";
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = $"amqp://guest:{password}@127.0.0.1:{port}" },
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

        await using var broker = await RabbitMqServerProcess.StartAsync(new ServerOptions
        {
            DataDirectory = Path.Combine(_directory.Path, "rabbitmq"),
            Port = port,
            Password = password,
        });

        await app.Services.GetRequiredService<MessagingTopologyService>().Declared.WaitAsync(TimeSpan.FromMinutes(2));
        var connection = app.Services.GetRequiredService<IConnection>();
        Assert.True(connection.IsOpen);
        Assert.Equal("infra-tests", connection.ClientProvidedName);
        using var recovered = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using VisionAspire.Hosting.Servers;

namespace VisionAspire.Infrastructure.Tests.ServiceDefaults;

public sealed class RabbitMQClientTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddRabbitMQClient_waits_for_a_late_broker_then_reports_healthy_and_rejects_wrong_credentials()
    {
        var port = LoopbackPorts.GetFree();
        const string password = "rabbit-test-password";
        await using var app = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = $"amqp://guest:{password}@127.0.0.1:{port}" },
            builder => builder.AddRabbitMQClient("messaging"));

        // Resolving starts before the broker exists: it must keep retrying rather than fail.
        var connecting = Task.Run(() => app.Services.GetRequiredService<IConnection>());
        await using var broker = await RabbitMqServerProcess.StartAsync(new ServerOptions
        {
            DataDirectory = Path.Combine(_directory.Path, "rabbitmq"),
            Port = port,
            Password = password,
        });

        var connection = await connecting.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(connection.IsOpen);
        await using (var channel = await connection.CreateChannelAsync())
        {
            var queue = await channel.QueueDeclareAsync(exclusive: true);
            Assert.StartsWith("amq.gen-", queue.QueueName);
        }
        using (var health = await app.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await using var wrong = await TestWebApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:messaging"] = $"amqp://guest:not-the-password@127.0.0.1:{port}" },
            builder => builder.AddRabbitMQClient("messaging"));
        var error = Assert.Throws<InvalidOperationException>(() => wrong.Services.GetRequiredService<IConnection>());
        Assert.Contains("rejected the credentials", error.Message);
    }
}

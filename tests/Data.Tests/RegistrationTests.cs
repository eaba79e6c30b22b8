using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests;

[Collection(ServersCollection.Name)]
public sealed class RegistrationTests(ServersFixture servers)
{
    [Fact]
    public async Task AddVisionData_migrates_during_start_up_and_resolves_working_repositories()
    {
        var db = await servers.CreateDatabaseAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(db);
        builder.Services.AddVisionData();
        using var host = builder.Build();

        await host.StartAsync();
        var images = host.Services.GetRequiredService<ImageRepository>();
        var (image, created) = await images.InsertOrGetBySha256Async(Data.TestImages.New(), Guid.NewGuid(), CancellationToken.None);
        await host.StopAsync();

        Assert.True(created);
        Assert.Same(images, host.Services.GetRequiredService<ImageRepository>());
        var jobs = host.Services.GetRequiredService<JobRepository>();
        var jobId = await jobs.CreateAsync("registration-test", 1, null, CancellationToken.None);
        Assert.Equal(1, (await jobs.GetAsync(jobId, OwnerScope.Everyone, CancellationToken.None))!.Total);
        Assert.Empty(await new PredictionRepository(db).GetForImageAsync(image.Id, CancellationToken.None));
    }

    [Fact]
    public async Task AddVisionMessaging_declares_the_topology_once_started_then_reports_ready_and_provides_a_publisher()
    {
        await using var connection = await servers.ConnectAsync();
        await using (var admin = await connection.CreateChannelAsync())
        {
            await admin.QueueDeleteAsync(Queues.InferObject, ifUnused: false, ifEmpty: false);
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(connection);
        builder.Services.AddVisionMessaging();
        using var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<MessagingTopologyService>().Declared.WaitAsync(TimeSpan.FromMinutes(1));
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, health.Entries[MessagingTopologyService.HealthCheckName].Status);

        await using var channel = await connection.CreateChannelAsync();
        await channel.QueuePurgeAsync(Queues.InferObject);
        var publisher = host.Services.GetRequiredService<MessagePublisher>();
        await publisher.PublishAsync(Queues.InferObject, Messaging.Messages.Uploaded());
        await host.StopAsync();

        Assert.Equal(1u, (await channel.QueueDeclarePassiveAsync(Queues.InferObject)).MessageCount);
        await channel.QueuePurgeAsync(Queues.InferObject);
    }
}

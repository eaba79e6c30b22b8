using RabbitMQ.Client;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class AckAfterDatabaseWriteTests(ServersFixture servers)
{
    /// <summary>The shape of a real service consumer: write the row, then return (and only then be acked).</summary>
    private sealed class RecordingConsumer(IConnection connection, string queue, ImageRepository images, Func<Task> afterWrite)
        : QueueConsumer<ImageUploadedV1>(new BrokerConnection(connection), new ListLogger())
    {
        public List<bool> CreatedFlags { get; } = [];

        protected override string QueueName => queue;

        protected override async Task HandleAsync(ImageUploadedV1 message, CancellationToken ct)
        {
            var image = new NewImage(message.ImageId, message.Sha256, "a.jpg", message.ContentType, 10, message.StorageKey, null);
            var (_, created) = await images.InsertOrGetBySha256Async(image, message.JobId, ct);
            lock (CreatedFlags)
            {
                CreatedFlags.Add(created);
            }

            await afterWrite();
        }
    }

    [Fact]
    public async Task The_ack_comes_only_after_the_handler_returned_so_a_crash_after_the_write_replays_idempotently()
    {
        var images = new ImageRepository(await servers.DatabaseForAsync(GetType()));
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var network = TcpProxy.Start(servers.RabbitMqUri.Port);
        await using var doomedConnection = await servers.ConnectAsync(network.Port);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        using var doomed = new RecordingConsumer(doomedConnection, kit.Queue, images, () =>
        {
            written.TrySetResult();
            return never.Task;
        });
        await doomed.StartAsync(CancellationToken.None);
        var message = Messages.Uploaded() with { Sha256 = Data.TestImages.RandomSha256() };

        await publisher.PublishAsync(kit.Queue, message);
        await written.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The row is committed, the handler has not returned: the message must still be unacked.
        Assert.NotNull(await images.GetAsync(message.ImageId, OwnerScope.Everyone, CancellationToken.None));
        network.Sever(); // the crash, after the write and before the handler returned
        await Eventually.TrueAsync(async () => await kit.ReadyCountAsync(quarantine: true) == 1, "the unacked message to return (to quarantine)");

        using var survivor = new RecordingConsumer(kit.Connection, kit.Queue, images, () => Task.CompletedTask);
        await survivor.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => survivor.CreatedFlags.Count == 1, "the replay");
        await survivor.StopAsync(CancellationToken.None);
        never.SetResult();
        await doomed.StopAsync(CancellationToken.None);

        Assert.Equal([true], doomed.CreatedFlags);
        Assert.Equal([false], survivor.CreatedFlags);
        Assert.Equal(0u, await kit.ReadyCountAsync(quarantine: true));
    }
}

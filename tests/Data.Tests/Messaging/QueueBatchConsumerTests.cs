using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class QueueBatchConsumerTests(ServersFixture servers)
{
    [Fact]
    public async Task Messages_arrive_in_batches_of_at_most_the_batch_size_and_are_all_acked()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var sent = Enumerable.Range(0, 10).Select(_ => Messages.Uploaded()).ToList();
        foreach (var message in sent)
        {
            await publisher.PublishAsync(kit.Queue, message);
        }

        using var consumer = new DelegateBatchConsumer(kit.Connection, kit.Queue, _ => Task.CompletedTask);
        await consumer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => consumer.Batches.Sum(b => b.Count) >= 10, "every message");
        await consumer.StopAsync(CancellationToken.None);

        Assert.All(consumer.Batches, batch => Assert.InRange(batch.Count, 1, 4));
        Assert.Contains(consumer.Batches, batch => batch.Count > 1);
        Assert.Equal(sent.Select(m => m.ImageId).Order(), consumer.Batches.SelectMany(b => b).Select(m => m.ImageId).Order());
        Assert.Equal(0u, await kit.ReadyCountAsync());
    }

    [Fact]
    public async Task One_bad_message_is_isolated_and_dead_lettered_while_its_batch_mates_are_acked()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var sent = Enumerable.Range(0, 4).Select(_ => Messages.Uploaded()).ToList();
        var bad = sent[2].ImageId;
        foreach (var message in sent)
        {
            await publisher.PublishAsync(kit.Queue, message);
        }

        var handledAlone = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        using var consumer = new DelegateBatchConsumer(kit.Connection, kit.Queue, batch =>
        {
            if (batch.Any(m => m.ImageId == bad))
            {
                throw new InvalidOperationException("decoder crashed");
            }

            if (batch.Count == 1)
            {
                handledAlone.Add(batch[0].ImageId);
            }

            return Task.CompletedTask;
        });
        await consumer.StartAsync(CancellationToken.None);

        var deadLetter = await kit.WaitForDeadLetterAsync();
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(bad, MessageJson.TryDeserialize<ImageUploadedV1>(deadLetter.Body.Span, out _)!.ImageId);
        Assert.Equal(2, MessageHeaders.ReadAttempt(deadLetter.BasicProperties));
        Assert.Single(kit.DeadLetters);
        Assert.Equal(0u, await kit.ReadyCountAsync());
        Assert.DoesNotContain(bad, handledAlone);
    }
}

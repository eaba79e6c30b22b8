using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

/// <summary>
/// A handler that meets a backend outage (the database restarting) is tried again in place, with the message held
/// unacked, and spends no delivery attempt; only an outage longer than the consumer's budget counts as attempts.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class BackendOutageTests(ServersFixture servers)
{
    [Fact]
    public async Task An_outage_outlasting_every_attempt_of_the_retry_schedule_spends_none_and_the_message_is_handled_once_it_ends()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        const int maxAttempts = 3;
        const int outageTries = maxAttempts * 3;
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue,
            (_, call) => call <= outageTries ? throw new TestOutageException($"database restarting (call {call})") : Task.CompletedTask,
            maxAttempts);
        await consumer.StartAsync(CancellationToken.None);
        var message = Messages.Uploaded();

        await publisher.PublishAsync(kit.Queue, message);
        await Eventually.TrueAsync(() => !consumer.Handled.IsEmpty, "the message to be handled once the outage ends");
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(outageTries + 1, consumer.Calls);
        Assert.Equal(message, Assert.Single(consumer.Handled));
        Assert.Empty(kit.DeadLetters);
        Assert.Equal(0u, await kit.ReadyCountAsync());
        Assert.Equal(0u, await kit.ReadyCountAsync(quarantine: true));
        // Waited in place: never republished as a retry, so no attempt was spent.
        Assert.DoesNotContain(consumer.Log.Lines, line => line.Contains("retrying"));
    }

    [Fact]
    public async Task An_outage_longer_than_the_budget_spends_attempts_and_the_message_is_dead_lettered_in_the_end()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue,
            (_, call) => throw new TestOutageException($"database gone (call {call})"), maxAttempts: 2,
            outageBudget: TimeSpan.FromMilliseconds(200));
        await consumer.StartAsync(CancellationToken.None);

        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        var deadLetter = await kit.WaitForDeadLetterAsync();
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(2, MessageHeaders.ReadAttempt(deadLetter.BasicProperties));
        // Each attempt waited the outage out several times before it counted.
        Assert.True(consumer.Calls > 2 * 2, $"{consumer.Calls} calls");
        Assert.Contains(consumer.Log.Lines, line => line.StartsWith("Error: Dead-lettering") && line.Contains("out of attempts"));
    }

    [Fact]
    public async Task A_failure_that_is_not_an_outage_keeps_the_attempt_limit()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue,
            (_, _) => throw new InvalidOperationException("the work itself failed"), maxAttempts: 3);
        await consumer.StartAsync(CancellationToken.None);

        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        await kit.WaitForDeadLetterAsync();
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(3, consumer.Calls);
    }

    [Fact]
    public async Task A_batch_that_meets_an_outage_is_tried_again_whole_and_acked_without_attempts_spent()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var sent = Enumerable.Range(0, 4).Select(_ => Messages.Uploaded()).ToList();
        foreach (var message in sent)
        {
            await publisher.PublishAsync(kit.Queue, message);
        }

        var outageTries = 5; // more than the consumer's 2 attempts
        using var consumer = new DelegateBatchConsumer(kit.Connection, kit.Queue,
            _ => Interlocked.Decrement(ref outageTries) >= 0 ? throw new TestOutageException("database restarting") : Task.CompletedTask);
        await consumer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => consumer.Batches.Count >= 6, "the batch to be tried until the outage ends");
        await consumer.StopAsync(CancellationToken.None);

        // The same batch each time (never split into single messages), and every message acked once it went through.
        Assert.All(consumer.Batches, batch => Assert.Equal(consumer.Batches.First().Select(m => m.ImageId), batch.Select(m => m.ImageId)));
        Assert.Equal(sent.Select(m => m.ImageId).Order(), consumer.Batches.First().Select(m => m.ImageId).Order());
        Assert.Empty(kit.DeadLetters);
        Assert.Equal(0u, await kit.ReadyCountAsync());
        Assert.Equal(0u, await kit.ReadyCountAsync(quarantine: true));
    }
}

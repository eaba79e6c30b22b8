using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class QuorumQueueTests(ServersFixture servers)
{
    [Fact]
    public async Task A_classic_work_queue_of_an_earlier_version_is_migrated_with_its_messages_instead_of_failing_the_declaration()
    {
        await using var connection = await servers.ConnectAsync();
        var queue = $"test.{Guid.NewGuid():N}";
        await using (var old = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            await old.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "classic",
                ["x-dead-letter-exchange"] = Queues.DeadLetterExchange,
            });
            for (var i = 0; i < 3; i++)
            {
                await old.BasicPublishAsync(string.Empty, queue, mandatory: true, new BasicProperties { MessageId = $"m{i}", Persistent = true },
                    new[] { (byte)i });
            }
        }

        var log = new ListLogger();
        await MessagingTopology.DeclareWorkQueueAsync(connection, queue, new MessagingOptions(), log, CancellationToken.None);

        await using var channel = await connection.CreateChannelAsync();
        // Declaring it again with the quorum arguments succeeds only if it now is that queue.
        var declared = await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: MessagingTopology.WorkQueueArguments(queue));
        Assert.Equal(3u, declared.MessageCount);
        var bodies = new List<byte>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            bodies.Add(message.Body.Span[0]);
        }

        Assert.Equal([0, 1, 2], bodies);
        Assert.Contains(log.Lines, line => line.Contains("migrating it"));
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(() => PassiveDeclareAsync(connection, $"{queue}.migrating"));
        Assert.Equal((ushort)404, missing.ShutdownReason?.ReplyCode);
        await channel.QueueDeleteAsync(queue);
    }

    [Fact]
    public async Task A_message_that_keeps_killing_its_consumer_moves_to_quarantine_and_is_dead_lettered_past_the_limit_there()
    {
        var options = new MessagingOptions { DeliveryLimit = 2 };
        await using var kit = await RabbitTestKit.CreateAsync(servers, options);
        var quarantine = MessagingTopology.QuarantineOf(kit.Queue);
        await kit.PublishAsync(Messages.Uploaded());

        var deliveries = new List<(string Queue, int Returned)>();
        while (kit.DeadLetters.Count == 0 && deliveries.Count < 10)
        {
            // Each round is a consumer that dies holding the message: its channel closes without an ack.
            await using var consumer = await kit.Connection.CreateChannelAsync();
            foreach (var queue in new[] { kit.Queue, quarantine })
            {
                if (await consumer.BasicGetAsync(queue, autoAck: false) is { } delivery)
                {
                    deliveries.Add((queue, MessageHeaders.ReadDeliveryCount(delivery.BasicProperties)));
                }
            }

            await consumer.CloseAsync();
            await Eventually.TrueAsync(async () => kit.DeadLetters.Count > 0 || await kit.ReadyCountAsync(quarantine: true) > 0,
                "the message back or dead");
        }

        Assert.Equal([(kit.Queue, 0), (quarantine, 0), (quarantine, 1), (quarantine, 2)], deliveries);
        var letter = DeadLetter.Read(await kit.WaitForDeadLetterAsync(), DateTimeOffset.UtcNow);
        Assert.Equal((kit.Queue, true, DeadLetter.DeliveryLimitReason), (letter.Queue, letter.FromQuarantine, letter.Reason));
        Assert.Equal(0u, await kit.ReadyCountAsync(quarantine: true));
    }

    [Fact]
    public async Task Messages_held_beside_a_poison_message_are_handled_while_the_poison_is_dead_lettered()
    {
        var options = new MessagingOptions { DeliveryLimit = 3 };
        await using var kit = await RabbitTestKit.CreateAsync(servers, options);
        var poison = Messages.Uploaded();
        var innocents = Enumerable.Range(0, 7).Select(_ => Messages.Uploaded()).ToList();
        await kit.PublishAsync(poison);
        foreach (var message in innocents)
        {
            await kit.PublishAsync(message);
        }

        var handled = new ConcurrentDictionary<Guid, bool>();
        var crashes = 0;
        async Task<bool> SettledAsync() => kit.DeadLetters.Count > 0 && handled.Count == innocents.Count && await kit.ReadyCountAsync(quarantine: true) == 0;
        for (var process = 0; process < 3 * (options.DeliveryLimit + 2) && !await SettledAsync(); process++)
        {
            // One worker process: it dies (its connection reset, nothing more done) as soon as it handles the poison.
            using var network = TcpProxy.Start(servers.RabbitMqUri.Port);
            await using var connection = await servers.ConnectAsync(network.Port);
            var crashed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var worker = new DelegateBatchConsumer(connection, kit.Queue, batch =>
            {
                if (crashed.Task.IsCompleted || batch.Contains(poison))
                {
                    network.Sever();
                    crashed.TrySetResult();
                    return Task.FromException(new IOException("the process died"));
                }

                foreach (var message in batch)
                {
                    handled[message.ImageId] = true;
                }

                return Task.CompletedTask;
            });
            await worker.StartAsync(CancellationToken.None);
            await Eventually.TrueAsync(async () => crashed.Task.IsCompleted || await SettledAsync(), "a crash, or every message settled");
            crashes += crashed.Task.IsCompleted ? 1 : 0;
            await worker.StopAsync(CancellationToken.None);
        }

        // Once in the work queue, then the limit + 1 times in quarantine.
        Assert.Equal(options.DeliveryLimit + 2, crashes);
        var letter = DeadLetter.Read(Assert.Single(kit.DeadLetters), DateTimeOffset.UtcNow);
        Assert.Equal((kit.Queue, true, DeadLetter.DeliveryLimitReason), (letter.Queue, letter.FromQuarantine, letter.Reason));
        Assert.Equal(poison, MessageJson.TryDeserialize<ImageUploadedV1>(letter.Body.Span, out _));
        Assert.Equal(innocents.Select(m => m.ImageId).Order(), handled.Keys.Order());
    }

    [Fact]
    public async Task A_process_reading_two_quarantine_queues_holds_one_suspect_at_a_time()
    {
        await using var first = await RabbitTestKit.CreateAsync(servers);
        await using var second = await RabbitTestKit.CreateAsync(servers);
        foreach (var kit in new[] { first, second })
        {
            await kit.PublishToQuarantineAsync(Messages.Uploaded());
        }

        // Both consumers belong to one process: they share its connection and its crash-suspect gate.
        var process = new BrokerConnection(first.Connection);
        var entered = new ConcurrentQueue<string>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        DelegateBatchConsumer Consumer(RabbitTestKit kit) => new(process, kit.Queue, async _ =>
        {
            entered.Enqueue(kit.Queue);
            await release.Task;
        });
        using var a = Consumer(first);
        using var b = Consumer(second);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => !entered.IsEmpty, "a suspect running");
        var running = entered.Single();
        var waiting = running == first.Queue ? second : first;
        // Several poll intervals: the other lane would have fetched its suspect by now if it did not wait for the lease.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1u, await waiting.ReadyCountAsync(quarantine: true));
        Assert.Single(entered);

        release.SetResult();
        await Eventually.TrueAsync(async () => entered.Count == 2
            && await first.ReadyCountAsync(quarantine: true) + await second.ReadyCountAsync(quarantine: true) == 0, "both suspects handled");
        await a.StopAsync(CancellationToken.None);
        await b.StopAsync(CancellationToken.None);
    }

    private static async Task PassiveDeclareAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclarePassiveAsync(queue);
    }
}

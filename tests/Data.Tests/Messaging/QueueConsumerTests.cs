using System.Text;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class QueueConsumerTests(ServersFixture servers)
{
    [Fact]
    public async Task A_published_message_is_handled_once_and_acked()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue, (_, _) => Task.CompletedTask);
        await consumer.StartAsync(CancellationToken.None);
        var message = Messages.Uploaded();

        await publisher.PublishAsync(kit.Queue, message);
        await Eventually.TrueAsync(() => !consumer.Handled.IsEmpty, "the message to be handled");
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(message, Assert.Single(consumer.Handled));
        // Stopping closed the channel: an unacked message would be back in the queue now.
        Assert.Equal(0u, await kit.ReadyCountAsync());
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_a_rising_attempt_and_then_dead_lettered()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue,
            (_, call) => throw new InvalidOperationException($"database down (call {call})"), maxAttempts: 3);
        await consumer.StartAsync(CancellationToken.None);
        var message = Messages.Uploaded();

        await publisher.PublishAsync(kit.Queue, message);
        var deadLetter = await kit.WaitForDeadLetterAsync();
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(3, consumer.Calls);
        Assert.Equal(3, MessageHeaders.ReadAttempt(deadLetter.BasicProperties));
        Assert.Contains("call 2", Encoding.UTF8.GetString((byte[])deadLetter.BasicProperties.Headers![MessageHeaders.LastError]!));
        Assert.True(deadLetter.BasicProperties.Headers!.ContainsKey("x-death"));
        Assert.Equal(message.ImageId, MessageJson.TryDeserialize<ImageUploadedV1>(deadLetter.Body.Span, out _)!.ImageId);
        Assert.Equal(0u, await kit.ReadyCountAsync());
        Assert.Contains(consumer.Log.Lines, line => line.StartsWith("Error: Dead-lettering") && line.Contains("out of attempts"));
    }

    [Fact]
    public async Task A_handler_that_recovers_within_the_attempts_is_acked_without_dead_lettering()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue,
            (_, call) => call < 3 ? throw new TimeoutException("slow") : Task.CompletedTask, maxAttempts: 3);
        await consumer.StartAsync(CancellationToken.None);

        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        await Eventually.TrueAsync(() => !consumer.Handled.IsEmpty, "the third attempt to succeed");
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(3, consumer.Calls);
        Assert.Empty(kit.DeadLetters);
        Assert.Equal(0u, await kit.ReadyCountAsync());
    }

    [Fact]
    public async Task A_permanent_failure_is_dead_lettered_after_one_attempt()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue,
            (_, _) => throw new PermanentMessageException("image row is gone"), maxAttempts: 5);
        await consumer.StartAsync(CancellationToken.None);

        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        var deadLetter = await kit.WaitForDeadLetterAsync();
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(1, consumer.Calls);
        Assert.Equal(1, MessageHeaders.ReadAttempt(deadLetter.BasicProperties));
    }

    [Theory]
    [InlineData("not json at all", "image.uploaded.v1")]
    [InlineData("""{"imageId":"8a4c1d0e-0000-0000-0000-000000000001"}""", "image.uploaded.v1")]
    [InlineData("null", "image.uploaded.v1")]
    [InlineData("{}", "inference.requested.v1")]
    public async Task Poison_messages_go_to_the_dead_letter_queue_without_reaching_the_handler(string body, string type)
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue, (_, _) => Task.CompletedTask);
        await consumer.StartAsync(CancellationToken.None);

        await kit.PublishRawAsync(body, type);
        var deadLetter = await kit.WaitForDeadLetterAsync();
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(body, Encoding.UTF8.GetString(deadLetter.Body.Span));
        Assert.Equal(0, consumer.Calls);
        Assert.Contains(consumer.Log.Lines, line => line.Contains("undecodable"));
    }

    [Fact]
    public async Task A_message_whose_consumer_dies_before_acking_is_redelivered_to_another_consumer()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        using var network = TcpProxy.Start(servers.RabbitMqUri.Port);
        await using var doomedConnection = await servers.ConnectAsync(network.Port);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        using var doomed = new DelegateConsumer(doomedConnection, kit.Queue, (_, _) =>
        {
            started.TrySetResult();
            return never.Task;
        });
        await doomed.StartAsync(CancellationToken.None);
        var message = Messages.Uploaded();

        await publisher.PublishAsync(kit.Queue, message);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        using var survivor = new DelegateConsumer(kit.Connection, kit.Queue, (_, _) => Task.CompletedTask);
        await survivor.StartAsync(CancellationToken.None);
        network.Sever(); // the crash: the consumer's connection dies mid-handler

        await Eventually.TrueAsync(() => !survivor.Handled.IsEmpty, "the redelivery");
        await survivor.StopAsync(CancellationToken.None);
        never.SetResult();
        await doomed.StopAsync(CancellationToken.None);

        Assert.Equal(message, Assert.Single(survivor.Handled));
        Assert.Equal(0u, await kit.ReadyCountAsync());
    }

    [Fact]
    public async Task Concurrent_handlers_run_side_by_side_and_are_all_acked()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue, async (_, _) =>
        {
            // Each handler waits for the other two: this only completes if three run at once.
            if (Interlocked.Increment(ref running) == 3)
            {
                allStarted.SetResult();
            }

            await allStarted.Task;
        }, concurrency: 3);
        await consumer.StartAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        }

        await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => consumer.Handled.Count == 3, "all three to finish");
        await consumer.StopAsync(CancellationToken.None);
        Assert.Equal(0u, await kit.ReadyCountAsync());
    }

    [Fact]
    public async Task Stopping_waits_for_the_running_handler_and_acks_its_message()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue, async (_, _) =>
        {
            started.TrySetResult();
            await release.Task;
        });
        await consumer.StartAsync(CancellationToken.None);
        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = consumer.StopAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted, "stop returned while a handler was still running");
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(consumer.Handled);
        Assert.Equal(0u, await kit.ReadyCountAsync());
    }

    [Fact]
    public async Task A_consumer_whose_classic_queue_is_replaced_by_the_migration_resumes_on_the_quorum_queue()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        await using (var admin = await kit.Connection.CreateChannelAsync())
        {
            // The queue as an earlier version declared it.
            await admin.QueueDeleteAsync(kit.Queue, ifUnused: false, ifEmpty: false);
            await admin.QueueDeclareAsync(kit.Queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic", ["x-dead-letter-exchange"] = Queues.DeadLetterExchange });
            await admin.QueueBindAsync(kit.Queue, Queues.Exchange, kit.Queue);
        }

        using var consumer = new DelegateConsumer(kit.Connection, kit.Queue, (_, _) => Task.CompletedTask);
        await consumer.StartAsync(CancellationToken.None);
        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        await Eventually.TrueAsync(() => consumer.Handled.Count == 1, "the first message");

        // Deleting the classic queue cancels its consumer, which consumes the new queue once it is declared.
        await MessagingTopology.DeclareWorkQueueAsync(kit.Connection, kit.Queue, CancellationToken.None);

        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
        await Eventually.TrueAsync(() => consumer.Handled.Count == 2, "the message after the queue came back");
        await consumer.StopAsync(CancellationToken.None);
        Assert.Contains(consumer.Log.Lines, line => line.Contains("reconnecting"));
    }
}

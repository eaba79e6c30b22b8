using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using VisionAspire.Contracts;
using VisionAspire.Messaging;

namespace VisionAspire.Data.Tests.Messaging;

[Collection(ServersCollection.Name)]
public sealed class TopologyAndPublisherTests(ServersFixture servers)
{
    [Fact]
    public async Task Declaring_the_topology_twice_is_harmless_and_routes_each_work_queue_by_name()
    {
        await using var connection = await servers.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));

        await MessagingTopology.DeclareAsync(connection, CancellationToken.None);
        await MessagingTopology.DeclareAsync(connection, CancellationToken.None);

        foreach (var queue in Queues.Work)
        {
            await channel.QueuePurgeAsync(queue);
            await channel.BasicPublishAsync(Queues.Exchange, queue, mandatory: true, new BasicProperties(), "{}"u8.ToArray());
            var message = await channel.BasicGetAsync(queue, autoAck: true);
            Assert.NotNull(message);
            Assert.Equal(queue, message.RoutingKey);
        }

        // Whatever the original routing key, the dead-letter exchange delivers into the dead-letter queue.
        await channel.QueuePurgeAsync(Queues.DeadLetter);
        await channel.BasicPublishAsync(Queues.DeadLetterExchange, Queues.InferFace, mandatory: true, new BasicProperties(), "{}"u8.ToArray());
        Assert.NotNull(await channel.BasicGetAsync(Queues.DeadLetter, autoAck: true));
    }

    [Fact]
    public async Task Published_messages_are_persistent_typed_json_with_an_attempt_header()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var message = Messages.Uploaded();

        await publisher.PublishAsync(kit.Queue, message);

        await using var channel = await kit.Connection.CreateChannelAsync();
        var delivery = await channel.BasicGetAsync(kit.Queue, autoAck: true);
        Assert.NotNull(delivery);
        var properties = delivery.BasicProperties;
        Assert.Equal((DeliveryModes.Persistent, "application/json", ImageUploadedV1.MessageType),
            (properties.DeliveryMode, properties.ContentType, properties.Type));
        Assert.False(string.IsNullOrEmpty(properties.MessageId));
        Assert.True(properties.Timestamp.UnixTime > 0);
        Assert.Equal(1, MessageHeaders.ReadAttempt(properties));
        Assert.Equal(message, JsonSerializer.Deserialize<ImageUploadedV1>(delivery.Body.Span, MessageJson.Options));
        Assert.Contains("\"imageId\"", System.Text.Encoding.UTF8.GetString(delivery.Body.Span));
    }

    [Fact]
    public async Task Publishing_to_a_routing_key_without_a_queue_fails_instead_of_losing_the_message()
    {
        await using var connection = await servers.ConnectAsync();
        await using var publisher = new MessagePublisher(new BrokerConnection(connection));

        var returned = await Assert.ThrowsAnyAsync<PublishException>(() => publisher.PublishAsync($"nowhere.{Guid.NewGuid():N}", Messages.Uploaded()));
        Assert.True(returned.IsReturn, "the broker should have returned the unroutable message");

        // The shared channel is still usable afterwards.
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await publisher.PublishAsync(kit.Queue, Messages.Uploaded());
    }

    [Fact]
    public async Task Concurrent_publishes_are_all_confirmed_and_delivered()
    {
        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => publisher.PublishAsync(kit.Queue, Messages.Uploaded()))));

        Assert.Equal(50u, await kit.ReadyCountAsync());
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using VisionAspire.Contracts;
using VisionAspire.Messaging;
using RabbitMQ.Client;

namespace VisionAspire.Data.Tests.Messaging;

/// <summary>The trace context a message carries from its sender to the consumer's spans.</summary>
[Collection(ServersCollection.Name)]
public sealed class ConsumerTracingTests(ServersFixture servers)
{
    private const string SenderName = "VisionAspire.Tests.Sender";

    [Fact]
    public async Task A_batch_span_links_every_sender_while_each_message_is_handled_in_its_senders_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MessagingTelemetry.Name or SenderName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var sender = new ActivitySource(SenderName);

        await using var kit = await RabbitTestKit.CreateAsync(servers);
        await using var publisher = new MessagePublisher(new BrokerConnection(kit.Connection));
        var senders = new Dictionary<Guid, ActivityTraceId>();
        for (var i = 0; i < 3; i++)
        {
            var message = Messages.Uploaded();
            using var upload = sender.StartActivity("upload", ActivityKind.Server, default(ActivityContext))!;
            await publisher.PublishAsync(kit.Queue, message);
            senders[message.ImageId] = upload.TraceId;
        }

        using var consumer = new TracingBatchConsumer(kit.Connection, kit.Queue);
        await consumer.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => consumer.HandledIn.Count == senders.Count, "every message");
        await consumer.StopAsync(CancellationToken.None);

        Assert.Equal(senders.OrderBy(s => s.Key), consumer.HandledIn.OrderBy(s => s.Key));
        var batches = stopped.Where(a => a.OperationName == $"batch {kit.Queue}").ToList();
        Assert.NotEmpty(batches);
        Assert.Equal(senders.Values.Select(t => t.ToHexString()).Order(),
            batches.SelectMany(b => b.Links).Select(l => l.Context.TraceId.ToHexString()).Order());
        Assert.All(batches, batch => Assert.DoesNotContain(batch.TraceId, senders.Values));
    }

    /// <summary>Records the trace each message was handled in, inside the span <see cref="QueueBatchConsumer{T}.StartProcessing"/> gives it.</summary>
    private sealed class TracingBatchConsumer(IConnection connection, string queue)
        : QueueBatchConsumer<ImageUploadedV1>(new BrokerConnection(connection), new ListLogger())
    {
        public ConcurrentDictionary<Guid, ActivityTraceId> HandledIn { get; } = new();

        protected override string QueueName => queue;

        protected override int BatchSize => 4;

        protected override TimeSpan MaxBatchDelay => TimeSpan.FromMilliseconds(300);

        protected override Task HandleBatchAsync(IReadOnlyList<ImageUploadedV1> messages, CancellationToken ct)
        {
            foreach (var message in messages)
            {
                using var activity = StartProcessing(message);
                HandledIn[message.ImageId] = Activity.Current!.TraceId;
            }

            return Task.CompletedTask;
        }
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using VisionAspire.Contracts;

namespace VisionAspire.Messaging;

/// <summary>
/// Like <see cref="QueueConsumer{T}"/>, but hands the handler up to <see cref="BatchSize"/> messages at once,
/// waiting at most <see cref="MaxBatchDelay"/> after the first for the batch to fill (for batched inference).
/// Every message of a successful batch is acked after <see cref="HandleBatchAsync"/> returned. When a batch
/// throws, its messages are handled again one per call so one bad message cannot sink the others; each
/// failure then gets the usual retry / dead-letter treatment. A batch that met a backend outage is tried again whole,
/// in place, without spending attempts (see <see cref="QueueConsumerBase{T}.OutageBudget"/>). The handler must
/// therefore be idempotent per message. Batches run one at a time. A crash suspect (a redelivery after its consumer died holding it) runs alone,
/// as a batch of one, pulled from the quarantine queue (see <see cref="QueueConsumerBase{T}"/>). Each batch gets a span linked to every message's sender;
/// <see cref="StartProcessing"/> gives a handler the span of one message, in that message's own trace.
/// </summary>
public abstract class QueueBatchConsumer<T> : QueueConsumerBase<T> where T : IMessage
{
    private Channel<ReceivedMessage<T>>? _pending;
    private IReadOnlyList<ReceivedMessage<T>> _handling = [];

    protected QueueBatchConsumer(BrokerConnection broker, ILogger logger) : base(broker, logger)
    {
    }

    protected virtual int BatchSize => 8;

    protected virtual TimeSpan MaxBatchDelay => TimeSpan.FromMilliseconds(20);

    /// <summary>Room for the next batch to arrive while one is being handled.</summary>
    protected override ushort PrefetchCount => (ushort)Math.Clamp(BatchSize * 2, 1, ushort.MaxValue);

    /// <summary>Handles a batch of 1..<see cref="BatchSize"/> messages. <paramref name="ct"/> fires only when the host's shutdown timeout expires.</summary>
    protected abstract Task HandleBatchAsync(IReadOnlyList<T> messages, CancellationToken ct);

    /// <summary>
    /// Starts the span of handling <paramref name="message"/> (one of the batch being handled), a child of the span
    /// that published it; the handler makes it current while it works on that message.
    /// </summary>
    protected Activity? StartProcessing(T message)
    {
        var received = _handling.FirstOrDefault(r => ReferenceEquals(r.Message, message));
        return received is null
            ? null
            : MessagingTelemetry.StartProcessing(QueueName, received.Sender, received.Properties.MessageId, received.Attempt);
    }

    private protected override async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stopping)
    {
        var received = Decode(channel, delivery, out var error);
        if (received is null)
        {
            await DeadLetterUndecodableAsync(channel, delivery, error);
            return;
        }

        _pending!.Writer.TryWrite(received);
    }

    private protected override async Task HandleSuspectAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        var received = Decode(channel, delivery, out var error);
        if (received is null)
        {
            await DeadLetterUndecodableAsync(channel, delivery, error);
            return;
        }

        await HandleAndSettleAsync([received]);
    }

    private protected override Task RunSessionAsync(CancellationToken sessionEnd)
    {
        // A fresh buffer per channel: deliveries of a dead channel can no longer be acked, the broker redelivers them.
        var pending = Channel.CreateUnbounded<ReceivedMessage<T>>(new UnboundedChannelOptions { SingleReader = true });
        _pending = pending;
        return DispatchBatchesAsync(pending.Reader, sessionEnd);
    }

    private async Task DispatchBatchesAsync(ChannelReader<ReceivedMessage<T>> reader, CancellationToken sessionEnd)
    {
        Activity.Current = null; // batch spans are roots, whatever span started this consumer's session
        try
        {
            while (await reader.WaitToReadAsync(sessionEnd))
            {
                var batch = await CollectBatchAsync(reader, sessionEnd);
                using (await CrashSuspects.EnterAsync(exclusive: false, sessionEnd))
                {
                    await HandleAndSettleAsync(batch);
                }
            }
        }
        catch (OperationCanceledException) when (sessionEnd.IsCancellationRequested)
        {
            // Collected but not started deliveries stay unacked and return to the queue with the channel.
        }
    }

    private async Task<List<ReceivedMessage<T>>> CollectBatchAsync(ChannelReader<ReceivedMessage<T>> reader, CancellationToken sessionEnd)
    {
        var batch = new List<ReceivedMessage<T>>(BatchSize);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(sessionEnd);
        window.CancelAfter(MaxBatchDelay);
        try
        {
            do
            {
                while (batch.Count < BatchSize && reader.TryRead(out var received))
                {
                    batch.Add(received);
                }
            }
            while (batch.Count < BatchSize && await reader.WaitToReadAsync(window.Token));
        }
        catch (OperationCanceledException) when (!sessionEnd.IsCancellationRequested)
        {
            // The window closed: handle what arrived.
        }

        return batch;
    }

    /// <param name="outlastOutages">
    /// Whether a try that met a backend outage is repeated in place; not for the messages of a batch that already
    /// waited an outage out for its whole budget.
    /// </param>
    private async Task HandleAndSettleAsync(List<ReceivedMessage<T>> batch, bool outlastOutages = true)
    {
        using var activity = MessagingTelemetry.StartBatch(QueueName, [.. batch.Select(r => r.Sender)]);
        _handling = batch;
        var first = batch[0];
        var outcome = await TryOutlastingOutagesAsync(first.Channel, first.Properties.MessageId,
            () => HandleBatchAsync([.. batch.Select(r => r.Message)], AbortToken), outlastOutages);
        if (outcome.Failure is { } failure)
        {
            activity?.AddException(failure).SetStatus(ActivityStatusCode.Error, failure.Message);
            if (batch.Count == 1)
            {
                await FailAsync(first, failure);
                return;
            }

            Logger.LogWarning(failure, "A batch of {Count} from {Queue} failed; handling its messages one by one", batch.Count, QueueName);
            var wasOutage = IsBackendOutage(failure);
            foreach (var received in batch)
            {
                await HandleAndSettleAsync([received], outlastOutages: !wasOutage);
            }

            return;
        }

        if (!outcome.Handled)
        {
            return; // stopping or the shutdown timeout: left unacked, redelivered later
        }

        foreach (var received in batch)
        {
            await AckAsync(received);
        }
    }
}
